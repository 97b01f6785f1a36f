using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// A newcomer copies a checkout example out of the help and runs it against the emulator's demo data: it must work
/// as written. Each example runs in a fresh demo emulator, signed in as the user the example says; an approver approves
/// in the background where the example waits for one; tools the examples call (mstsc, ssh, Invoke-Sqlcmd, Invoke-Command
/// …) and the commands this hosted engine lacks are stand-ins, so what is proven is the module's part: names, ids,
/// parameters and the demo data.
/// </summary>
public sealed class HelpExampleRunTests
{
    // Stand-ins: external tools, remoting, and Utility/Management cmdlets the hosted engine does not load.
    private const string StandIns =
        "function mstsc { } function ssh { } function Invoke-Sqlcmd { } function Invoke-Command { } function Test-Connection { }\n" +
        "function Set-Content { param($Path, [Parameter(ValueFromPipeline)]$Value) process { } }\n" +
        "function New-Item { param($Path, $ItemType, [switch]$Force) } function chmod { } function icacls { }\n" +
        "function Select-Object { process { $_ } }\n" +
        "function Import-Csv { [pscustomobject]@{ SystemId = 3; AccountId = 3 } }\n" +
        "$PSDefaultParameterValues['Wait-PSRequest:PollIntervalSec'] = 1\n";

    /// <summary>cmdlet, example number, the demo user it runs as, examples of the same page it builds on.</summary>
    public static TheoryData<string, int, string, string> Examples() => new()
    {
        { "New-PSRequest", 1, "demo", "" },
        { "New-PSRequest", 2, "demo", "" },
        { "New-PSRequest", 3, "demo", "" },
        { "New-PSRequest", 4, "demo", "" },
        { "New-PSRequest", 5, "demo", "" },
        { "New-PSRequest", 6, "demo", "" },
        { "New-PSRequest", 7, "demo", "" },
        { "Get-PSCredential", 1, "demo", "" },
        { "Get-PSCredential", 2, "demo", "1" },
        { "Get-PSCredential", 3, "demo", "" },
        { "Get-PSCredential", 4, "demo", "" },
        { "Use-PSCredential", 1, "demo", "" },
        { "Use-PSCredential", 2, "demo", "" },
        { "Use-PSCredential", 3, "demo", "" },
        { "Use-PSCredential", 4, "demo", "" },
        { "Use-PSCredential", 5, "demo", "" },
        { "Use-PSCredential", 6, "demo", "" },
        { "Get-PSManagedAccount", 1, "demo", "" },
        { "Get-PSManagedAccount", 2, "demo", "" },
        { "Get-PSManagedAccount", 3, "demo", "" },
        { "Get-PSManagedAccount", 4, "demo", "" },
        { "Get-PSManagedAccount", 5, "demo", "" },
        { "Get-PSManagedAccount", 6, "demo", "" },
        { "Get-PSManagedAccountAlias", 1, "demo", "" },
        { "Get-PSManagedAccountAlias", 2, "demo", "" },
        { "New-PSAccessSession", 1, "demo", "" },
        { "New-PSAccessSession", 2, "demo", "" },
        { "New-PSRequestSet", 1, "demo", "" },
        { "New-PSRequestSet", 2, "demo", "1" },
        { "New-PSRequestSet", 3, "demo", "" },
        { "New-PSRequestSet", 4, "demo", "" },
        { "Wait-PSRequest", 1, "demo", "" },
        { "Wait-PSRequest", 2, "demo", "" },
        { "Set-PSRequest", 1, "demo", "" },
        { "Set-PSRequest", 2, "demo", "" },
        { "Set-PSRequest", 3, "demo", "" },
        { "Complete-PSRequest", 1, "demo", "" },
        { "Complete-PSRequest", 2, "demo", "" },
        { "Complete-PSRequest", 3, "demo", "" },
        { "Get-PSRequest", 1, "demo", "" },
        { "Get-PSRequestSet", 1, "demo", "" },
        { "Get-PSRequestSet", 2, "demo", "" },
        { "Invoke-PSRestMethod", 1, "demo", "" },
        { "Invoke-PSRestMethod", 2, "demo", "" },
        { "Invoke-PSRestMethod", 3, "demo", "" },
        { "Get-PSAccessSession", 1, "demo", "" },
        { "Get-PSAccessSession", 2, "demo", "" },
        { "Get-PSAccessSession", 3, "demo", "" },
        { "Get-PSAccessSession", 4, "demo", "" },
        { "Get-PSAccessPolicy", 1, "demo", "" },
        { "Get-PSAccessPolicy", 2, "demo", "" },
        { "Get-PSAccessPolicy", 3, "demo", "" },
        { "Get-PSAccessPolicy", 4, "demo", "" },
        { "Get-PSIsaCredential", 1, "isa-user", "" },
        { "Get-PSIsaCredential", 2, "isa-user", "" },
        { "New-PSIsaSession", 1, "isa-user", "" },
        { "New-PSIsaSession", 2, "isa-user", "" },
        { "Stop-PSRequest", 1, "demo", "" },
        { "Stop-PSRequest", 2, "demo", "" },
        { "Stop-PSRequest", 4, "demo", "" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task CheckoutExample_RunsAsWritten_AgainstTheDemoEmulator(string cmdlet, int number, string runAs, string after)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var shell = HelpExamples.Connect(server, runAs);
        using var approver = HelpExamples.Connect(server, DemoSeed.ApproverUser);
        var folder = Directory.CreateTempSubdirectory("ps-example-");
        try
        {
            shell.SetVariable("ExampleFolder", folder.FullName);
            shell.Run(StandIns + "$ExecutionContext.SessionState.Path.SetLocation($ExampleFolder) | Out-Null").AssertSuccess();
            foreach (var earlier in after.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                shell.Run(HelpExamples.Code(cmdlet, int.Parse(earlier, System.Globalization.CultureInfo.InvariantCulture))).AssertSuccess();
            }

            var code = HelpExamples.Code(cmdlet, number);
            using var stop = new CancellationTokenSource();
            // Where an example waits for an approver, "approver" approves what is pending, as a colleague would.
            var approving = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    approver.Run("Get-PSRequest -Queue Approver -Status Pending | Approve-PSRequest -Reason ok");
                    await Task.Delay(300).ConfigureAwait(false);
                }
            });
            PowerShellResult result;
            try
            {
                using var running = shell.Begin(code);
                result = running.Wait(TimeSpan.FromSeconds(60));
            }
            finally
            {
                stop.Cancel();
                await approving;
            }

            Assert.True(result.Errors.Count == 0, $"{cmdlet} example {number} failed against the demo data:\n{code}\n" +
                string.Join("\n", result.Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// An example that waits for an approver and then uses what it got must stop when nobody approves in time: the wait's
    /// RequestNotApproved is not terminating by itself, and going on would hand the next command a $null credential. Run
    /// with a one-second timeout and no approver, nothing after the wait runs, and a finally still checks the request in.
    /// </summary>
    [Theory]
    [InlineData("Wait-PSRequest", 1)]
    [InlineData("New-PSRequest", 4)]
    public async Task ExampleThatWaitsForAnApprover_NobodyApproves_StopsBeforeTheCredentialIsUsed(string cmdlet, int number)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var shell = HelpExamples.Connect(server, DemoSeed.RunAs);
        shell.Run(StandIns + "function Invoke-Sqlcmd { param($ServerInstance, $Credential, $Query) $global:SqlRanWith = \"[$Credential]\" }").AssertSuccess();
        var code = HelpExamples.Code(cmdlet, number);
        Assert.Contains("-TimeoutSec 900", code);

        var result = shell.Run(code.Replace("-TimeoutSec 900", "-TimeoutSec 1", StringComparison.Ordinal) + "\n$global:WentOn = $true");

        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("RequestNotApproved,", StringComparison.Ordinal));
        Assert.Null(shell.GetVariable("SqlRanWith"));
        Assert.Null(shell.GetVariable("WentOn"));
        var request = Assert.Single(server.State.ReleaseRequests);
        Assert.Equal(code.Contains("finally", StringComparison.Ordinal) ? RequestStatus.Canceled : RequestStatus.Pending, request.Status);
    }

    [Fact]
    public void EveryExampleThatKeepsAWaitsResult_StopsOnItsError()
    {
        // The mistake above, anywhere in the help: "$x = … | Wait-PSRequest …" without -ErrorAction Stop goes on with $null.
        foreach (var page in HelpExamples.Pages())
        {
            foreach (var number in HelpExamples.Numbers(page))
            {
                foreach (var line in HelpExamples.Code(page, number).Split('\n'))
                {
                    var wait = System.Text.RegularExpressions.Regex.Match(line, @"^\s*\$\w+\s*=.*\|\s*(Wait-PSRequest[^|]*)");
                    Assert.True(!wait.Success || wait.Groups[1].Value.Contains("-ErrorAction Stop", StringComparison.Ordinal),
                        $"{page} example {number} keeps what Wait-PSRequest writes but goes on when it fails: add -ErrorAction Stop.\n{line}");
                }
            }
        }
    }

    /// <summary>Examples of these pages that are not run here, with why.</summary>
    internal static readonly (string Cmdlet, int Number)[] NotRunnable =
    {
        ("Get-PSRequest", 2),    // the approver's queue: run as "approver", it would approve demo's pending requests
        ("Get-PSAccessPolicy", 5), // grants a role: admin provisioning, covered by Admin/ProvisioningChainTests
        ("Stop-PSRequest", 3),   // a directory user's requests: CONTOSO\jdoe holds none in the demo data
    };

    [Fact]
    public void EveryCheckoutExampleThatCanRunHere_IsListed()
    {
        // A new example on one of these pages is run too, or the list says why it is not (it waits on a human, or
        // needs an object the page only describes).
        var listed = Examples().Select(row => ((string)row[0], (int)row[1])).ToHashSet();
        foreach (var cmdlet in Examples().Select(row => (string)row[0]).Distinct())
        {
            foreach (var number in HelpExamples.Numbers(cmdlet))
            {
                Assert.True(listed.Contains((cmdlet, number)) || NotRunnable.Contains((cmdlet, number)),
                    $"{cmdlet} example {number} is neither run against the demo data nor listed as not runnable here.");
            }
        }
    }
}
