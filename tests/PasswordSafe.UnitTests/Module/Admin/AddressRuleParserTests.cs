using PasswordSafe.Admin;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>Spec A3/A4: each rule is a single address, a range of one family (start ≤ end), or a CIDR block within family bounds.</summary>
public class AddressRuleParserTests
{
    [Theory]
    [InlineData("10.0.0.5", "IPAddress")]
    [InlineData("0.0.0.0", "IPAddress")]
    [InlineData("255.255.255.255", "IPAddress")]
    [InlineData(" 192.168.1.1 ", "IPAddress")]
    [InlineData("::1", "IPAddress")]
    [InlineData("fd00::1", "IPAddress")]
    [InlineData("2001:db8::ff00:42:8329", "IPAddress")]
    [InlineData("::ffff:10.0.0.1", "IPAddress")]
    [InlineData("10.0.0.1-10.0.0.99", "IPRange")]
    [InlineData("10.0.0.1 - 10.0.0.1", "IPRange")]
    [InlineData("fd00::1-fd00::ff", "IPRange")]
    [InlineData("10.0.0.0/24", "CIDR")]
    [InlineData("0.0.0.0/0", "CIDR")]
    [InlineData("10.1.2.3/32", "CIDR")]
    [InlineData("fd00::/64", "CIDR")]
    [InlineData("::/0", "CIDR")]
    [InlineData("2001:db8::/128", "CIDR")]
    public void A3_ValidRule_ParsesWithItsType(string value, string type)
    {
        var rule = AddressRuleParser.Parse(value, null, "-IPRule");

        Assert.Equal(type, rule.Type);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("10", "not a valid IPv4")]
    [InlineData("10.0.0", "not a valid IPv4")]
    [InlineData("10.0.0.256", "not a valid IPv4")]
    [InlineData("10.0.0.01", "not a valid IPv4")]
    [InlineData("10.0.0.-1", "not a valid IPv4")]
    [InlineData("a.b.c.d", "not a valid IPv4")]
    [InlineData("host.example.com", "not a valid IPv4")]
    [InlineData("fd00::zz", "not a valid IPv6")]
    [InlineData("fe80::1%eth0", "not a valid IPv6")]
    [InlineData("10.0.0.9-10.0.0.1", "start of the range is after its end")]
    [InlineData("fd00::9-fd00::1", "start of the range is after its end")]
    [InlineData("10.0.0.1-fd00::1", "both be IPv4 or both be IPv6")]
    [InlineData("10.0.0.1-10.0.0.5-10.0.0.9", "exactly one '-'")]
    [InlineData("10.0.0.0/33", "from 0 to 32")]
    [InlineData("fd00::/129", "from 0 to 128")]
    [InlineData("10.0.0.0/", "from 0 to 32")]
    [InlineData("10.0.0.0/-1", "from 0 to 32")]
    [InlineData("10.0.0.0/2a", "from 0 to 32")]
    [InlineData("10.0.0.0/24/8", "exactly one '/'")]
    [InlineData("10.0.0.0-10.0.0.9/24", "not a valid IPv4")]
    public void A3_InvalidRule_FailsWithValidationFailed_NamingTheValue(string value, string reason)
    {
        var e = Assert.Throws<PasswordSafeException>(() => AddressRuleParser.Parse(value, null, "-IPRule"));

        Assert.Equal("ValidationFailed", e.ErrorId);
        Assert.Contains("-IPRule rule '" + value + "'", e.Message);
        Assert.Contains(reason, e.Message);
        Assert.Contains("CIDR", e.RecommendedAction);
    }

    [Fact]
    public void DeclaredType_MustAgreeWithTheValue()
    {
        var e = Assert.Throws<PasswordSafeException>(() => AddressRuleParser.Parse("10.0.0.0/24", "IPRange", "-XForwardedForRule"));

        Assert.Contains("declared as Type 'IPRange'", e.Message);
        Assert.Contains("-XForwardedForRule", e.Message);
        Assert.Equal("CIDR", AddressRuleParser.Parse("10.0.0.0/24", "cidr", "-IPRule").Type);
    }

    [Fact]
    public void Canonical_MakesEqualAddressesWrittenDifferentlyCompareEqual()
    {
        Assert.Equal(AddressRuleParser.Parse("FD00:0:0::1", null, "x").Canonical, AddressRuleParser.Parse("fd00::1", null, "x").Canonical);
        Assert.Equal("10.0.0.1-10.0.0.9", AddressRuleParser.Parse("10.0.0.1 - 10.0.0.9", null, "x").Value);
    }
}
