using System;

namespace PasswordSafe.Admin;

/// <summary>
/// One field of a versioned request body (api-v3 §2.2, §6.2, §6.3): its cmdlet parameter, its JSON key,
/// its limits, and the first body-model version (<c>?version=</c>) that carries it.
/// </summary>
internal sealed class FieldSpec
{
    private FieldSpec(string parameterName, string wireName, FieldKind kind)
    {
        ParameterName = parameterName;
        WireName = wireName;
        Kind = kind;
    }

    public string ParameterName { get; }

    public string WireName { get; }

    public FieldKind Kind { get; }

    public int MaxLength { get; private set; } = int.MaxValue;

    public long Min { get; private set; } = long.MinValue;

    public long Max { get; private set; } = long.MaxValue;

    public string[] Choices { get; private set; } = new string[0];

    public Version MinVersion { get; private set; } = ApiBodyVersion.Default;

    public static FieldSpec Text(string parameter, string wire, int maxLength = int.MaxValue) =>
        new FieldSpec(parameter, wire, FieldKind.Text) { MaxLength = maxLength };

    public static FieldSpec Secret(string parameter, string wire, int maxLength = int.MaxValue) =>
        new FieldSpec(parameter, wire, FieldKind.Secret) { MaxLength = maxLength };

    public static FieldSpec Integer(string parameter, string wire, long min = 0, long max = int.MaxValue) =>
        new FieldSpec(parameter, wire, FieldKind.Integer) { Min = min, Max = max };

    public static FieldSpec Flag(string parameter, string wire) => new FieldSpec(parameter, wire, FieldKind.Flag);

    public static FieldSpec Choice(string parameter, string wire, params string[] choices) =>
        new FieldSpec(parameter, wire, FieldKind.Choice) { Choices = choices };

    public static FieldSpec TimeOfDay(string parameter, string wire) => new FieldSpec(parameter, wire, FieldKind.TimeOfDay);

    public static FieldSpec Date(string parameter, string wire) => new FieldSpec(parameter, wire, FieldKind.Date);

    /// <summary>The same field, carried only from body version <paramref name="version"/> on.</summary>
    public FieldSpec Since(string version)
    {
        MinVersion = Version.Parse(version);
        return this;
    }
}
