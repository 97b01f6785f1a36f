using System.Collections.Generic;
using PasswordSafe.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// Which settings of Set-PSApiRegistration change the registration (api-v3 §6.7 PUT is sent only for those): compared
/// on the bodies the registration as it is and as it would be give, so a rule list typed as the server holds it is no
/// change.
/// </summary>
public class ApiRegistrationChangeTests
{
    private static readonly IReadOnlyList<string> NothingGiven = new string[0];

    private static ApiRegistration Current() => new ApiRegistration
    {
        RegistrationId = 4,
        Name = "Web",
        RegistrationType = "ApiKeyPolicy",
        Active = true,
        Visible = true,
        MultiFactorAuthenticationEnforced = true,
        IPAuthenticationRules = new[]
        {
            new AddressRule { Type = "CIDR", Value = "10.0.0.0/8", Description = "office" },
            new AddressRule { Type = "IPAddress", Value = "192.0.2.1" },
        },
    };

    [Fact]
    public void TheRegistrationAsItIs_ChangesNothing()
    {
        var spec = ApiRegistrationSpec.From(Current());
        spec.Name = "Web";
        spec.MultiFactorAuthenticationEnforced = true;

        Assert.Empty(ApiRegistrationBody.ChangedSettings(spec, Current(), NothingGiven));
    }

    [Fact]
    public void RulesTypedAsTheServerHoldsThem_WithoutTheirTypes_AreNoChange()
    {
        var spec = ApiRegistrationSpec.From(Current());
        spec.IPRules = new List<RuleInput> { new RuleInput("10.0.0.0/8", null, "office"), new RuleInput("192.0.2.1") };

        Assert.Empty(ApiRegistrationBody.ChangedSettings(spec, Current(), NothingGiven));
    }

    [Fact]
    public void ARuleListWithoutADescription_OrInAnotherOrder_IsAChange_NamedByTheParameter()
    {
        var dropped = ApiRegistrationSpec.From(Current());
        dropped.IPRules = new List<RuleInput> { new RuleInput("10.0.0.0/8"), new RuleInput("192.0.2.1") };
        var reordered = ApiRegistrationSpec.From(Current());
        reordered.IPRules = new List<RuleInput> { new RuleInput("192.0.2.1"), new RuleInput("10.0.0.0/8", null, "office") };

        Assert.Equal(new[] { "IPRule" }, ApiRegistrationBody.ChangedSettings(dropped, Current(), NothingGiven));
        Assert.Equal(new[] { "IPRule" }, ApiRegistrationBody.ChangedSettings(reordered, Current(), NothingGiven));
    }

    [Fact]
    public void Options_AreNamedAsTheCmdletsParameters()
    {
        var spec = ApiRegistrationSpec.From(Current());
        spec.MultiFactorAuthenticationEnforced = false;
        spec.Active = false;
        spec.Name = "Web 2";

        Assert.Equal(new[] { "Name", "Active", "MultiFactorAuthentication" }, ApiRegistrationBody.ChangedSettings(spec, Current(), NothingGiven));
    }

    [Fact]
    public void ARegistrationTheModuleCouldNotWriteBackAsItIs_EveryGivenSettingCounts()
    {
        // No rule at all: the module refuses such a body (spec A3), so what it has now cannot be compared.
        var current = Current();
        current.IPAuthenticationRules = new AddressRule[0];
        var spec = ApiRegistrationSpec.From(current);
        spec.IPRules.Add(new RuleInput("10.0.0.0/8"));

        Assert.Equal(new[] { "IPRule", "Active" }, ApiRegistrationBody.ChangedSettings(spec, current, new[] { "IPRule", "Active" }));
    }
}
