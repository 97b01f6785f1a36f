using PasswordSafe.Admin;

namespace PasswordSafe;

/// <summary>
/// An API registration (spec A1–A4, api-v3 §6.7). The key is never part of it: read it with
/// Get-PSApiRegistrationKey. <c>RegistrationId</c> binds to the registration cmdlets by name.
/// </summary>
public sealed class ApiRegistration
{
    [WireName("Id")]
    public int RegistrationId { get; internal set; }

    public string? Name { get; internal set; }

    /// <summary><c>ApiKeyPolicy</c> (PS-Auth key) or <c>ApiAccessPolicy</c> (OAuth application users).</summary>
    public string? RegistrationType { get; internal set; }

    /// <summary>Minutes an OAuth access token lives (ApiAccessPolicy only).</summary>
    public int? AccessTokenDuration { get; internal set; }

    public bool Active { get; internal set; }

    public bool Visible { get; internal set; }

    public bool MultiFactorAuthenticationEnforced { get; internal set; }

    public bool ClientCertificateRequired { get; internal set; }

    public bool UserPasswordRequired { get; internal set; }

    public bool VerifyPsrunSignature { get; internal set; }

    public AddressRule[] IPAuthenticationRules { get; internal set; } = new AddressRule[0];

    public AddressRule[] XForwardedForAuthenticationRules { get; internal set; } = new AddressRule[0];

    public PsrunRule[] PSRUNRules { get; internal set; } = new PsrunRule[0];

    /// <summary>The session the registration was read with, so the next cmdlet in a pipeline uses the same one.</summary>
    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => Name ?? string.Empty;
}
