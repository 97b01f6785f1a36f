using System.Net;
using Microsoft.Extensions.Primitives;
using PasswordSafe.Emulator.Authentication;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class SourceAddressCheckTests
{
    private static readonly AddressRule[] Balancer = [AddressRule.Parse(1, "IPAddress", "10.0.0.5")];
    private static readonly AddressRule[] Clients = [AddressRule.Parse(2, "CIDR", "192.168.1.0/24")];
    private static readonly IPAddress BalancerAddress = IPAddress.Parse("10.0.0.5");

    [Fact]
    public void B6_PeerMatchingAnIpRuleIsAllowed() =>
        Assert.Null(SourceAddressCheck.Evaluate(Balancer, [], [], BalancerAddress, StringValues.Empty));

    [Fact]
    public void B6_PeerOutsideTheIpRulesIsRefused() =>
        Assert.Contains("10.0.0.6", SourceAddressCheck.Evaluate(Balancer, [], [], IPAddress.Parse("10.0.0.6"), StringValues.Empty));

    [Fact]
    public void A4_WithoutXffRulesTheHeaderIsIgnored() =>
        Assert.Null(SourceAddressCheck.Evaluate(Balancer, [], [], BalancerAddress, new StringValues("8.8.8.8")));

    [Fact]
    public void A4_XffRulesMatchTheHeaderWhileIpRulesMatchThePeer() =>
        Assert.Null(SourceAddressCheck.Evaluate(Balancer, [], Clients, BalancerAddress, new StringValues("192.168.1.77")));

    [Fact]
    public void A4_IpRulesStillApplyToThePeerWhenXffMatches() =>
        Assert.NotNull(SourceAddressCheck.Evaluate(Balancer, [], Clients, IPAddress.Parse("10.0.0.9"), new StringValues("192.168.1.77")));

    [Fact]
    public void A4_MissingHeaderIsRefusedWhenXffRulesExist() =>
        Assert.NotNull(SourceAddressCheck.Evaluate(Balancer, [], Clients, BalancerAddress, StringValues.Empty));

    [Fact]
    public void A4_TwoHeadersAreRefused() =>
        Assert.NotNull(SourceAddressCheck.Evaluate(Balancer, [], Clients, BalancerAddress, new StringValues(["192.168.1.7", "192.168.1.8"])));

    [Fact]
    public void A4_CommaListIsRefused() =>
        Assert.NotNull(SourceAddressCheck.Evaluate(Balancer, [], Clients, BalancerAddress, new StringValues("192.168.1.7, 192.168.1.8")));

    [Fact]
    public void A4_HeaderOutsideTheXffRulesIsRefused() =>
        Assert.NotNull(SourceAddressCheck.Evaluate(Balancer, [], Clients, BalancerAddress, new StringValues("192.168.2.7")));

    [Fact]
    public void A4_HeaderThatIsNoAddressIsRefused() =>
        Assert.NotNull(SourceAddressCheck.Evaluate(Balancer, [], Clients, BalancerAddress, new StringValues("client.example")));

    [Fact]
    public void A4_IPv6HeaderMatchesIPv6Rules() =>
        Assert.Null(SourceAddressCheck.Evaluate(Balancer, [], [AddressRule.Parse(3, null, "2001:db8::/48")], BalancerAddress, new StringValues("2001:db8:0:1::9")));

    // A3 allows PSRUN rules alone; their IPAddress is then what admits the peer (it used to admit anyone).
    private static readonly PsrunRule[] PsrunHost = [new PsrunRule(1, "10.0.0.7", null, "build01", null, null, null, null, null)];

    [Fact]
    public void A3_B6_PsrunOnlyRegistration_AdmitsThePsrunAddress() =>
        Assert.Null(SourceAddressCheck.Evaluate([], PsrunHost, [], IPAddress.Parse("10.0.0.7"), StringValues.Empty));

    [Fact]
    public void A3_B6_PsrunOnlyRegistration_RefusesAnyOtherPeer() =>
        Assert.Contains("203.0.113.9", SourceAddressCheck.Evaluate([], PsrunHost, [], IPAddress.Parse("203.0.113.9"), StringValues.Empty));

    [Fact]
    public void A3_B6_PsrunRuleWithoutAnAddress_AdmitsNobody() =>
        Assert.NotNull(SourceAddressCheck.Evaluate([], [new PsrunRule(1, null, null, "build01", null, null, null, null, null)], [],
            IPAddress.Parse("10.0.0.7"), StringValues.Empty));

    [Fact]
    public void A3_B6_IpRulesAndPsrunAddresses_EitherAdmitsThePeer()
    {
        Assert.Null(SourceAddressCheck.Evaluate(Balancer, PsrunHost, [], IPAddress.Parse("10.0.0.7"), StringValues.Empty));
        Assert.Null(SourceAddressCheck.Evaluate(Balancer, PsrunHost, [], BalancerAddress, StringValues.Empty));
        Assert.NotNull(SourceAddressCheck.Evaluate(Balancer, PsrunHost, [], IPAddress.Parse("10.0.0.8"), StringValues.Empty));
    }

    [Fact]
    public void A3_NoIpAndNoPsrunRule_AdmitsNobody() =>
        Assert.NotNull(SourceAddressCheck.Evaluate([], [], [], IPAddress.Parse("203.0.113.9"), StringValues.Empty));
}
