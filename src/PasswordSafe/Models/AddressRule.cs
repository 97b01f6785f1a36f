namespace PasswordSafe;

/// <summary>An IP or X-Forwarded-For authentication rule of an API registration (spec A3/A4).</summary>
public sealed class AddressRule
{
    /// <summary><c>IPAddress</c>, <c>IPRange</c> or <c>CIDR</c>.</summary>
    public string? Type { get; internal set; }

    /// <summary>The address, range (<c>a-b</c>) or block (<c>a/n</c>).</summary>
    public string? Value { get; internal set; }

    public string? Description { get; internal set; }

    public override string ToString() => Value ?? string.Empty;
}
