using System;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class PsAuthHeaderTests
{
    private static readonly string Key = TestSessions.Key;

    [Fact]
    public void B1_KeyAndRunAsOnly_HasNoPwd() =>
        Assert.Equal($"PS-Auth key={Key}; runas=demo;", PsAuthHeader.Build(Key, "demo", null, null));

    [Fact]
    public void B1_PasswordGoesInBrackets() =>
        Assert.Equal($"PS-Auth key={Key}; runas=demo; pwd=[P@ss];", PsAuthHeader.Build(Key, "demo", "P@ss", null));

    [Theory]
    [InlineData("a;b")]
    [InlineData("a]b")]
    [InlineData("x]; challenge=1;")]
    [InlineData("[[]]")]
    public void B1_PasswordWithSeparatorsIsKeptVerbatim(string password) =>
        Assert.Equal($"PS-Auth key={Key}; runas=demo; pwd=[{password}];", PsAuthHeader.Build(Key, "demo", password, null));

    [Fact]
    public void B4_ChallengeIsAppendedAfterPwd() =>
        Assert.Equal($"PS-Auth key={Key}; runas=CONTOSO\\jdoe; pwd=[pw]; challenge=123456;",
            PsAuthHeader.Build(Key, "CONTOSO\\jdoe", "pw", "123456"));

    [Fact]
    public void B4_ChallengeWithoutPassword() =>
        Assert.Equal($"PS-Auth key={Key}; runas=demo; challenge=42;", PsAuthHeader.Build(Key, "demo", null, " 42 "));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyKeyIsRefused(string key) =>
        Assert.Throws<ArgumentException>(() => PsAuthHeader.Build(key, "demo", null, null));
}
