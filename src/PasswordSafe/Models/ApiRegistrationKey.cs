using System.Globalization;

namespace PasswordSafe;

/// <summary>
/// An API registration's key with the registration it belongs to (Get-/Reset-PSApiRegistrationKey -Detailed), so the
/// keys of several piped registrations can be told apart. The key never shows: not in ToString, not in the table view.
/// </summary>
public sealed class ApiRegistrationKey
{
    public int RegistrationId { get; internal set; }

    /// <summary>The registration's name; null when it could not be read.</summary>
    public string? Name { get; internal set; }

    /// <summary>
    /// The key: a SecureString (for Connect-PasswordSafe -ApiKey), or a String only when -AsPlainText was given.
    /// </summary>
    public object? Key { get; internal set; }

    /// <summary>The session the key was read with, so the next cmdlet in a pipeline uses the same one.</summary>
    public PasswordSafeSession? Session { get; internal set; }

    /// <summary><c>API registration 3 'Demo key'</c>: never the key.</summary>
    public override string ToString() =>
        "API registration " + RegistrationId.ToString(CultureInfo.InvariantCulture) + (Name == null ? string.Empty : $" '{Name}'");
}
