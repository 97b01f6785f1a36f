using System;
using System.Net;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class AddressRuleTests
{
    private static bool Matches(string? type, string value, string address) =>
        AddressRule.Parse(1, type, value).Matches(IPAddress.Parse(address));

    [Theory]
    [InlineData("IPAddress", "10.1.2.3", "10.1.2.3", true)]
    [InlineData("IPAddress", "10.1.2.3", "10.1.2.4", false)]
    [InlineData("IPAddress", "2001:db8::1", "2001:db8:0:0::1", true)]
    [InlineData("IPAddress", "2001:db8::1", "2001:db8::2", false)]
    [InlineData("IPAddress", "127.0.0.1", "::ffff:127.0.0.1", true)]
    public void A3_SingleAddress(string type, string value, string address, bool expected) =>
        Assert.Equal(expected, Matches(type, value, address));

    [Theory]
    [InlineData("10.0.0.10-10.0.0.20", "10.0.0.10", true)]
    [InlineData("10.0.0.10-10.0.0.20", "10.0.0.20", true)]
    [InlineData("10.0.0.10-10.0.0.20", "10.0.0.15", true)]
    [InlineData("10.0.0.10-10.0.0.20", "10.0.0.21", false)]
    [InlineData("10.0.0.10-10.0.0.20", "10.0.0.9", false)]
    [InlineData("10.0.0.250-10.0.1.5", "10.0.1.0", true)]
    [InlineData("2001:db8::10 - 2001:db8::ff", "2001:db8::20", true)]
    [InlineData("2001:db8::10-2001:db8::ff", "2001:db8::100", false)]
    [InlineData("10.0.0.10-10.0.0.20", "::1", false)]
    public void A3_Range(string value, string address, bool expected) =>
        Assert.Equal(expected, Matches("IPRange", value, address));

    [Theory]
    [InlineData("192.168.0.0/16", "192.168.255.255", true)]
    [InlineData("192.168.0.0/16", "192.169.0.0", false)]
    [InlineData("10.1.2.3/8", "10.200.0.1", true)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    [InlineData("10.0.0.7/32", "10.0.0.7", true)]
    [InlineData("10.0.0.7/32", "10.0.0.8", false)]
    [InlineData("10.0.0.0/27", "10.0.0.31", true)]
    [InlineData("10.0.0.0/27", "10.0.0.32", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("fe80::/10", "febf::1", true)]
    [InlineData("::1/128", "::1", true)]
    [InlineData("10.0.0.0/8", "::ffff:10.9.9.9", true)]
    public void A3_Cidr(string value, string address, bool expected) =>
        Assert.Equal(expected, Matches("CIDR", value, address));

    [Theory]
    [InlineData("10.0.0.1", AddressRuleKind.IPAddress)]
    [InlineData("10.0.0.1-10.0.0.9", AddressRuleKind.IPRange)]
    [InlineData("10.0.0.0/8", AddressRuleKind.CIDR)]
    [InlineData("::1", AddressRuleKind.IPAddress)]
    public void A3_TypeIsInferredWhenAbsent(string value, AddressRuleKind kind) =>
        Assert.Equal(kind, AddressRule.Parse(1, null, value).Kind);

    [Theory]
    [InlineData("IPAddress", "")]
    [InlineData("IPAddress", "not-an-ip")]
    [InlineData("IPAddress", "10.1")]
    [InlineData("IPRange", "10.0.0.9-10.0.0.1")]
    [InlineData("IPRange", "10.0.0.1-::1")]
    [InlineData("IPRange", "10.0.0.1-")]
    [InlineData("CIDR", "10.0.0.0/33")]
    [InlineData("CIDR", "2001:db8::/129")]
    [InlineData("CIDR", "10.0.0.0/x")]
    [InlineData("Subnet", "10.0.0.0/8")]
    public void A3_InvalidRulesAreRefusedWithAReason(string type, string value)
    {
        var e = Assert.Throws<FormatException>(() => AddressRule.Parse(1, type, value));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }
}
