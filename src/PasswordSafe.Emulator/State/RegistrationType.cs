namespace PasswordSafe.Emulator;

/// <summary>A1: the two kinds of API registration.</summary>
public enum RegistrationType
{
    /// <summary>A key sent in the PS-Auth header.</summary>
    ApiKeyPolicy,
    /// <summary>Referenced by application users for OAuth; has an access token duration.</summary>
    ApiAccessPolicy,
}
