namespace PasswordSafe.Emulator;

/// <summary>How a provisioning body field is read and checked.</summary>
internal enum BodyFieldKind
{
    Text,
    /// <summary>Text never echoed in answers or audit (passwords, keys).</summary>
    Secret,
    Integer,
    Flag,
    /// <summary>One of a fixed list, compared ignoring case and stored as listed.</summary>
    Choice,
    /// <summary>"HH:mm".</summary>
    TimeOfDay,
    /// <summary>"yyyy-MM-dd".</summary>
    Date,
    /// <summary>An IPv4 or IPv6 address.</summary>
    IPAddress,
    /// <summary>An e-mail address.</summary>
    Email,
}
