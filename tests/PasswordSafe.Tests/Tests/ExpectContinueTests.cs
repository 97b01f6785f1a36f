using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// No request carries "Expect: 100-continue": on Windows PowerShell 5.1 it would hold every POST/PUT body back for up to
/// 350 ms waiting for an interim answer, and some proxies refuse it with 417. The module turns it off for its client;
/// this proves on the wire that nothing asks for it (PowerShell 7 would send it only when asked).
/// </summary>
public sealed class ExpectContinueTests
{
    [Fact]
    public async Task PostAndPutWithABody_CarryNoExpectHeader()
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Things", 200, "application/json", "{}");
        stub.Respond("Things/1", 200, "application/json", "{}");
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        shell.Run("Invoke-PSRestMethod -Method Post -Path 'Things' -Body @{ Name = 'x' } -Confirm:$false").AssertSuccess();
        shell.Run("Invoke-PSRestMethod -Method Put -Path 'Things/1' -Body @{ Name = 'y' } -Confirm:$false").AssertSuccess();

        var received = stub.ReceivedHeaders.ToList();
        Assert.Contains(received, r => r.Request == "POST auth/signappin");
        Assert.Contains(received, r => r.Request == "POST things" && r.Headers.ContainsKey("Content-Length"));
        Assert.Contains(received, r => r.Request == "PUT things/1");
        Assert.All(received, r => Assert.False(r.Headers.ContainsKey("Expect"), r.Request + " carried Expect: " + r.Headers.GetValueOrDefault("Expect")));
    }
}
