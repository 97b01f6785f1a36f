using System.Linq;
using System.Management.Automation;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>Neither the password nor the request id reaches Verbose, Debug, warnings or errors, through the whole E1–E4 surface.</summary>
public class CheckoutSecretLeakTests
{
    [Fact]
    public void E1toE4_WithVerboseAndDebug_LeakNoPasswordOrRequestId()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());
        var script = @"
$DebugPreference = 'Continue'; $VerbosePreference = 'Continue'
$null = Get-PSManagedAccount -SystemName srv1 -AccountName admin1 | New-PSRequest -AccessType RDP | Get-PSCredential
$null = Get-PSRequest | New-PSAccessSession -SessionType RDP
$null = Get-PSRequest | Set-PSRequest -RotateOnCheckin
$null = Get-PSRequest | Complete-PSRequest
$null = Use-PSCredential -SystemId 102 -AccountId 202 { $args[0].GetNetworkCredential().Password.Length }
$null = Get-PSIsaCredential -SystemId 102 -AccountId 202
$null = Get-PSCredential -RequestId 987654 2>&1
$null = Complete-PSRequest -RequestId 987654 -Confirm:$false 2>&1
";
        var (_, shell) = ps.Run(script);
        using (shell)
        {
            var text = string.Join("\n", shell.Streams.Verbose.Select(v => v.Message)
                .Concat(shell.Streams.Debug.Select(d => d.Message))
                .Concat(shell.Streams.Warning.Select(w => w.Message))
                .Concat(shell.Streams.Error.Select(e => e.ToString() + " " + e.CategoryInfo + " " + e.ErrorDetails?.Message)));

            Assert.True(shell.Streams.Verbose.Count > 5, "the scan needs Verbose output to be meaningful");
            Assert.True(shell.Streams.Debug.Count > 5, "the scan needs Debug output to be meaningful");
            Assert.DoesNotContain(FakeCheckoutServer.Password, text);
            Assert.DoesNotContain("T1CK3T", text);
            for (var id = FakeCheckoutServer.FirstRequestId; id < FakeCheckoutServer.FirstRequestId + 3; id++)
            {
                Assert.DoesNotContain(id.ToString(), text);
            }
        }
    }
}
