using System.Linq;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class PsAuthValuesTests
{
    private static readonly string NewStyleKey = string.Concat(Enumerable.Repeat("a1B2", 32));

    [Theory]
    [InlineData("c479a66f-7f9b-4c7b-9b43-0b5d7a4f4a11")]
    [InlineData("{C479A66F-7F9B-4C7B-9B43-0B5D7A4F4A11}")]
    public void A5_LegacyGuidKeys_AreWellFormed(string key) => Assert.True(PsAuthValues.IsWellFormedKey(key));

    [Fact]
    public void A5_128CharacterKey_IsWellFormed() => Assert.True(PsAuthValues.IsWellFormedKey(NewStyleKey));

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has spaces in it")]
    [InlineData("c479a66f-7f9b-4c7b-9b43-0b5d7a4f4a11; runas=admin; pwd=[x];")]
    public void A5_MalformedKeys_AreRefused(string key) => Assert.False(PsAuthValues.IsWellFormedKey(key));

    [Fact]
    public void A5_KeyOfWrongLength_IsRefused() => Assert.False(PsAuthValues.IsWellFormedKey(NewStyleKey + "x"));

    [Theory]
    [InlineData("admin; pwd=[x]")]
    [InlineData("demo\r\nX-Injected: 1")]
    public void B1_RunAsThatWouldInjectAField_IsRefused(string runAs) => Assert.NotNull(PsAuthValues.ProblemWithField(runAs));

    [Theory]
    [InlineData("demo")]
    [InlineData(@"CONTOSO\jdoe")]
    [InlineData("jdoe@contoso.test")]
    public void B1_OrdinaryRunAsNames_AreAccepted(string runAs) => Assert.Null(PsAuthValues.ProblemWithField(runAs));

    [Fact]
    public void B1_PasswordMayHoldSemicolonAndBracket_ButNoLineBreak()
    {
        Assert.Null(PsAuthValues.ProblemWithPassword("p;a]s[s;"));
        Assert.NotNull(PsAuthValues.ProblemWithPassword("line\nbreak"));
    }

    [Fact]
    public void B1_HeaderBuilderRefusesInjectedRunAs() =>
        Assert.Throws<System.ArgumentException>(() => PsAuthHeader.Build(NewStyleKey, "a; pwd=[x]", null, null));
}
