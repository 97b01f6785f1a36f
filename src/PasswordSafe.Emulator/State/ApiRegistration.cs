using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// An API registration (A1–A6). Read freely; changed only through <see cref="EmulatorState"/>, which holds its lock.
/// The key never leaves this object except through the audited EmulatorState.ReadApiKey/RotateApiKey (A6).
/// </summary>
public sealed class ApiRegistration
{
    internal ApiRegistration(int id, string name, RegistrationType type)
    {
        Id = id;
        Name = name;
        RegistrationType = type;
    }

    public int Id { get; }
    public string Name { get; internal set; }
    public RegistrationType RegistrationType { get; }
    /// <summary>Minutes an access token lives (ApiAccessPolicy, C3).</summary>
    public int AccessTokenDuration { get; internal set; } = 60;
    public bool Active { get; internal set; } = true;
    public bool Visible { get; internal set; } = true;
    public bool MultiFactorAuthenticationEnforced { get; internal set; } = true;
    public bool ClientCertificateRequired { get; internal set; }
    public bool UserPasswordRequired { get; internal set; }
    public bool VerifyPsrunSignature { get; internal set; }
    /// <summary>Replaced whole (never edited in place) so readers outside the lock see a consistent list.</summary>
    public IReadOnlyList<AddressRule> IPAuthenticationRules { get; internal set; } = [];
    public IReadOnlyList<AddressRule> XForwardedForAuthenticationRules { get; internal set; } = [];
    public IReadOnlyList<PsrunRule> PSRUNRules { get; internal set; } = [];
    /// <summary>Bumped by each rotation; a session remembers the generation it began with (A6).</summary>
    public int KeyGeneration { get; internal set; }

    internal ProtectedSecret? Key { get; set; }
}
