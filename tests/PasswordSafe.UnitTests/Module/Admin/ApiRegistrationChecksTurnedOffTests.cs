using PasswordSafe.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// Which sign-in checks a Set-PSApiRegistration turns off (A2 MFA, B5 client certificate, B1 run-as password, PSRUN
/// signature): those make the change a high-impact one that is confirmed. A check that is already off, or turned on, is
/// not one.
/// </summary>
public class ApiRegistrationChecksTurnedOffTests
{
    private static ApiRegistration Current(bool on) => new ApiRegistration
    {
        RegistrationId = 4,
        Name = "Web",
        RegistrationType = "ApiKeyPolicy",
        MultiFactorAuthenticationEnforced = on,
        ClientCertificateRequired = on,
        UserPasswordRequired = on,
        VerifyPsrunSignature = on,
    };

    [Fact]
    public void EveryCheckTurnedOff_IsNamedByItsParameter_InOrder()
    {
        var spec = ApiRegistrationSpec.From(Current(on: true));
        spec.MultiFactorAuthenticationEnforced = false;
        spec.ClientCertificateRequired = false;
        spec.UserPasswordRequired = false;
        spec.VerifyPsrunSignature = false;

        Assert.Equal(new[] { "MultiFactorAuthentication", "ClientCertificateRequired", "UserPasswordRequired", "VerifyPsrunSignature" },
            ApiRegistrationBody.ChecksTurnedOff(spec, Current(on: true)));
    }

    [Fact]
    public void ChecksKept_OrTurnedOn_OrAlreadyOff_AreNone()
    {
        var kept = ApiRegistrationSpec.From(Current(on: true));
        kept.Name = "Renamed";
        var turnedOn = ApiRegistrationSpec.From(Current(on: false));
        turnedOn.MultiFactorAuthenticationEnforced = true;
        turnedOn.ClientCertificateRequired = true;

        Assert.Empty(ApiRegistrationBody.ChecksTurnedOff(kept, Current(on: true)));
        Assert.Empty(ApiRegistrationBody.ChecksTurnedOff(turnedOn, Current(on: false)));
        Assert.Empty(ApiRegistrationBody.ChecksTurnedOff(ApiRegistrationSpec.From(Current(on: false)), Current(on: false)));
    }
}
