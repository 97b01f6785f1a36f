namespace PasswordSafe.Admin;

/// <summary>
/// One rule value that passed validation: its type, the value as it will be sent, and a canonical form
/// (addresses re-printed by .NET) so that <c>10.0.0.1</c> typed two ways compares equal (A4 checks).
/// </summary>
internal sealed class ParsedAddressRule
{
    public ParsedAddressRule(string type, string value, string canonical)
    {
        Type = type;
        Value = value;
        Canonical = canonical;
    }

    public string Type { get; }

    public string Value { get; }

    public string Canonical { get; }
}
