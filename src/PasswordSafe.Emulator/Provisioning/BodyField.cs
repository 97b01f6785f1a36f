namespace PasswordSafe.Emulator;

/// <summary>
/// One field of a versioned provisioning body (api-v3 §0 <c>?version=</c>, §2.2, §6.2, §6.3): its wire name, kind,
/// limits, the first body version that has it, and the value an object shows when it was never set.
/// </summary>
internal sealed record BodyField(string Name, BodyFieldKind Kind)
{
    internal int? MaxLength { get; init; }
    internal long? Min { get; init; }
    internal long? Max { get; init; }
    internal string[] Choices { get; init; } = [];
    internal string Since { get; init; } = "3.0";
    internal object? Default { get; init; }

    internal static BodyField Text(string name, int? maxLength = null, object? fallback = null) =>
        new(name, BodyFieldKind.Text) { MaxLength = maxLength, Default = fallback };
    internal static BodyField Secret(string name) => new(name, BodyFieldKind.Secret);
    internal static BodyField Integer(string name, long? min = null, long? max = null, object? fallback = null) =>
        new(name, BodyFieldKind.Integer) { Min = min, Max = max, Default = fallback };
    internal static BodyField Flag(string name, bool fallback = false) => new(name, BodyFieldKind.Flag) { Default = fallback };
    internal static BodyField Choice(string name, string fallback, params string[] choices) =>
        new(name, BodyFieldKind.Choice) { Choices = choices, Default = fallback };
    internal static BodyField TimeOfDay(string name, string fallback) => new(name, BodyFieldKind.TimeOfDay) { Default = fallback };
    internal static BodyField Date(string name) => new(name, BodyFieldKind.Date);
    internal static BodyField Address(string name, int maxLength) => new(name, BodyFieldKind.IPAddress) { MaxLength = maxLength };
    internal static BodyField Email(string name, int maxLength) => new(name, BodyFieldKind.Email) { MaxLength = maxLength };

    internal BodyField From(string version) => this with { Since = version };
}
