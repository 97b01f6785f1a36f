using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// -ProxyCredential and -ProxyUseDefaultCredentials without -Proxy go to the system proxy for this session only: no
/// process-wide proxy object gets them (on Windows PowerShell 5.1 the handler's own property would have written them into
/// WebRequest.DefaultWebProxy, for every later request of the process; UnitTests Module/SystemProxyCredentialsTests
/// covers that runtime's path).
/// </summary>
public sealed class SystemProxyCredentialTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public SystemProxyCredentialTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("-ProxyCredential $ProxyCredential")]
    [InlineData("-ProxyUseDefaultCredentials")]
    public void SystemProxyCredentials_StayWithTheSession(string proxyParameters)
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ProxyCredential", new PSCredential("proxyuser", EmulatorFixture.Secure("Pr0xy-Pass-3")));

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", proxyParameters)).AssertSuccess();
        shell.Run("$null = Invoke-PSRestMethod -Path 'ManagedAccounts'").AssertSuccess();

        var result = shell.Run(
            "$null -eq [System.Net.Http.HttpClient]::DefaultProxy.Credentials\n" +
            "$null -eq [System.Net.WebRequest]::DefaultWebProxy -or $null -eq [System.Net.WebRequest]::DefaultWebProxy.Credentials").AssertSuccess();
        Assert.Equal(new object[] { true, true }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(result.Output, o => o.BaseObject)));
        Assert.DoesNotContain("Pr0xy-Pass-3", result.AllText());
    }
}
