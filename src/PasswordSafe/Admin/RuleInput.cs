namespace PasswordSafe.Admin;

/// <summary>An IP / X-Forwarded-For rule as the user gave it: a string, or an object with Type/Value/Description.</summary>
internal sealed class RuleInput
{
    public RuleInput(string? value, string? type = null, string? description = null)
    {
        Value = value;
        Type = type;
        Description = description;
    }

    public string? Value { get; }

    public string? Type { get; }

    public string? Description { get; }
}
