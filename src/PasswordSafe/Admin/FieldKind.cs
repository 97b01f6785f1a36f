namespace PasswordSafe.Admin;

/// <summary>How a body field is validated and written.</summary>
internal enum FieldKind
{
    /// <summary>Text with a maximum length.</summary>
    Text,

    /// <summary>Text read from a SecureString at the last moment; its value never appears in a message.</summary>
    Secret,

    /// <summary>An integer within [Min, Max].</summary>
    Integer,

    /// <summary>A boolean (a switch parameter).</summary>
    Flag,

    /// <summary>One of <see cref="FieldSpec.Choices"/>, sent as the choice is spelled there.</summary>
    Choice,

    /// <summary>A time of day, <c>HH:mm</c>.</summary>
    TimeOfDay,

    /// <summary>A date, sent as <c>yyyy-MM-dd</c>.</summary>
    Date,
}
