namespace PasswordSafe.Emulator;

/// <summary>Where a user comes from; directory users sign in as domain\user or UPN (B1), application users only by OAuth (C1).</summary>
public enum UserType
{
    BeyondInsight,
    ActiveDirectory,
    LDAP,
    Application,
}
