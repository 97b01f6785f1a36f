using PasswordSafe.Emulator.Authentication;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

public class PsAuthHeaderParserTests
{
    private static PsAuthHeader Parse(string header)
    {
        Assert.True(PsAuthHeaderParser.TryParse(header, out var parsed, out var error), error);
        return parsed!;
    }

    [Fact]
    public void B1_ParsesTheDocumentedForm()
    {
        var h = Parse("PS-Auth key=abc123; runas=demo; pwd=[secret];");
        Assert.Equal("abc123", h.Key);
        Assert.Equal("demo", h.RunAs);
        Assert.Equal("secret", h.Password);
        Assert.Null(h.Challenge);
    }

    [Theory]
    [InlineData("PS-Auth key=abc123;runas=demo")]
    [InlineData("ps-auth KEY=abc123 ;  RunAs = demo ;")]
    [InlineData("PS-Auth   key=abc123;;runas=demo;;")]
    public void B1_NamesAreCaseInsensitiveAndSpacesAndTrailingSemicolonOptional(string header)
    {
        var h = Parse(header);
        Assert.Equal("abc123", h.Key);
        Assert.Equal("demo", h.RunAs);
    }

    [Theory]
    [InlineData("PS-Auth key=k; runas=u; pwd=[a;b]c];", "a;b]c")]
    [InlineData("PS-Auth key=k; runas=u; pwd=[a]; b]", "a]; b")]
    [InlineData("PS-Auth key=k; runas=u; pwd=[p]w;d] ; challenge=42", "p]w;d")]
    [InlineData("PS-Auth key=k; runas=u; pwd=[]", "")]
    [InlineData("PS-Auth key=k; runas=u; pwd=[ spaced ]", " spaced ")]
    [InlineData("PS-Auth key=k; runas=u; pwd=[x];key2=y]", "x];key2=y")]
    public void B1_BracketedPasswordMayHoldSemicolonsAndBrackets(string header, string expected)
    {
        Assert.Equal(expected, Parse(header).Password);
    }

    [Fact]
    public void B1_PasswordFollowedByChallengeKeepsBoth()
    {
        var h = Parse("PS-Auth key=k; runas=u; pwd=[a;b]; challenge=123456;");
        Assert.Equal("a;b", h.Password);
        Assert.Equal("123456", h.Challenge);
    }

    [Fact]
    public void B4_ChallengeAppendedWithoutSpace()
    {
        Assert.Equal("987", Parse("PS-Auth key=k; runas=u;challenge=987").Challenge);
    }

    [Fact]
    public void B1_DomainAndUpnRunAsAreKeptVerbatim()
    {
        Assert.Equal(@"CONTOSO\jdoe", Parse(@"PS-Auth key=k; runas=CONTOSO\jdoe;").RunAs);
        Assert.Equal("jdoe@contoso.test", Parse("PS-Auth key=k; runas=jdoe@contoso.test").RunAs);
    }

    [Fact]
    public void B1_KeyOnlyHeaderParsesWithoutRunAs()
    {
        var h = Parse("PS-Auth key=k");
        Assert.Null(h.RunAs);
        Assert.Null(h.Password);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("PS-Authkey=abc")]
    [InlineData("PS-Auth runas=demo")]
    [InlineData("PS-Auth key=; runas=demo")]
    [InlineData("PS-Auth key=a; key=b")]
    [InlineData("PS-Auth key=a; runas")]
    [InlineData("PS-Auth key=a; pwd=[unterminated")]
    public void B1_MalformedHeadersAreRefused(string? header)
    {
        Assert.False(PsAuthHeaderParser.TryParse(header, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void B1_ErrorsNeverQuoteTheSecrets()
    {
        Assert.False(PsAuthHeaderParser.TryParse("PS-Auth key=TopSecretKey; pwd=[Hunter2", out _, out var error));
        Assert.DoesNotContain("TopSecretKey", error);
        Assert.DoesNotContain("Hunter2", error);
    }

    [Fact]
    public void B1_ToStringHidesValues()
    {
        var text = Parse("PS-Auth key=TopSecretKey; runas=u; pwd=[Hunter2]; challenge=999").ToString();
        Assert.DoesNotContain("TopSecretKey", text);
        Assert.DoesNotContain("Hunter2", text);
        Assert.DoesNotContain("999", text);
    }
}
