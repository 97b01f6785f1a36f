using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// An administrator copies an example out of the help of a provisioning, administration or sign-in cmdlet and runs it
/// against the emulator's demo data: it must work as written, and do something there. Each example runs on a fresh
/// <see cref="HelpExampleStage"/> (demo emulator, stand-ins for server names, prompts and external tools), as the demo
/// user it names or not signed in, after the examples or situations it builds on.
/// </summary>
public sealed class AdminHelpExampleRunTests
{
    private const string NotSignedIn = HelpExampleStage.NotSignedIn;

    /// <summary>What an example needs that no earlier example makes, and how it comes about.</summary>
    private static readonly Dictionary<string, Action<HelpExampleStage>> Situations = new()
    {
        ["a pending request for db01\\sa"] = stage => stage.Run(DemoSeed.RunAs,
            "New-PSRequest -SystemName db01 -AccountName sa -Reason 'Quarterly audit' -WarningAction SilentlyContinue | Out-Null"),
        ["an asset db02 in Datacenter A"] = stage => stage.Run(DemoSeed.RunAs,
            "New-PSWorkgroup -Name 'Datacenter A' | Out-Null\n" +
            "New-PSAsset -WorkgroupName 'Datacenter A' -IPAddress 10.1.2.3 -AssetName 'db02' | Out-Null"),
        ["CONTOSO\\jdoe holds an RDP session to web01"] = stage => stage.Run(DemoSeed.DirectoryRunAs,
            HelpExamples.Code("New-PSAccessSession", 1)),
        ["ci-bot's client secret expires within 30 days"] = stage =>
        {
            stage.Server.State.Settings = stage.Server.State.Settings with { ClientSecretExpiryDays = 20 };
            stage.Run(DemoSeed.RunAs, "Get-PSUser -UserName ci-bot | Reset-PSClientSecret -Force -WarningAction SilentlyContinue | Out-Null");
        },
        ["demo answers Yes when asked"] = stage => stage.ShellOf(DemoSeed.RunAs).Answer("Yes"),
        // What the scheduled task's environment holds: the key of the registration with MFA, and the token's code.
        ["a scheduled task's key and token code"] = stage =>
        {
            stage.SetEnvironmentVariable("PS_API_KEY", DemoSeed.MfaApiKey);
            stage.ShellOf(NotSignedIn).SetVariable("code", DemoSeed.ChallengeAnswer);
        },
        // ForEach-Object -Parallel runspaces load the module from PSModulePath, where an installed module is.
        ["the module installed on PSModulePath"] = stage => stage.SetEnvironmentVariable("PSModulePath",
            Path.GetDirectoryName(Path.GetDirectoryName(RepositoryPaths.ModuleManifest)) + Path.PathSeparator +
            Environment.GetEnvironmentVariable("PSModulePath")),
    };

    /// <summary>cmdlet, example number, the demo user it runs as, what it builds on (examples "Cmdlet N", situations).</summary>
    public static TheoryData<string, int, string, string> Examples() => new()
    {
        { "Add-PSUserGroupMember", 1, "demo", "" },
        { "Approve-PSRequest", 1, "approver", "a pending request for db01\\sa" },
        { "Approve-PSRequest", 2, "demo", "New-PSRequest 1" },
        { "Approve-PSRequest", 3, "approver", "a pending request for db01\\sa" },
        { "Connect-PasswordSafe", 1, NotSignedIn, "" },
        { "Connect-PasswordSafe", 2, NotSignedIn, "" },
        { "Connect-PasswordSafe", 3, NotSignedIn, "a scheduled task's key and token code" },
        { "Connect-PasswordSafe", 4, NotSignedIn, "" },
        { "Connect-PasswordSafe", 5, NotSignedIn, "" },
        { "Deny-PSRequest", 1, "approver", "a pending request for db01\\sa" },
        { "Deny-PSRequest", 2, "demo", "New-PSRequest 1" },
        { "Deny-PSRequest", 3, "approver", "a pending request for db01\\sa" },
        { "Disconnect-PasswordSafe", 1, "demo", "" },
        { "Disconnect-PasswordSafe", 2, "demo", "" },
        { "Disconnect-PasswordSafe", 3, "demo", "" },
        { "Get-PSApiRegistration", 1, "demo", "" },
        { "Get-PSApiRegistration", 2, "demo", "" },
        { "Get-PSApiRegistrationKey", 1, "demo", "" },
        { "Get-PSApiRegistrationKey", 2, "demo", "" },
        { "Get-PSAsset", 1, "demo", "New-PSWorkgroup 1, New-PSAsset 1" },
        { "Get-PSAsset", 2, "demo", "New-PSWorkgroup 1, New-PSAsset 1" },
        { "Get-PSAsset", 3, "demo", "New-PSWorkgroup 1, New-PSAsset 1" },
        { "Get-PSManagedSystem", 1, "demo", "New-PSWorkgroup 1, New-PSAsset 1" },
        { "Get-PSManagedSystem", 2, "demo", "" },
        { "Get-PSManagedSystem", 3, "demo", "New-PSWorkgroup 1, New-PSAsset 1" },
        { "Get-PSManagedSystem", 4, "demo", "" },
        { "Get-PSManagedSystem", 5, "demo", "" },
        { "Get-PSQuickRule", 1, "demo", "New-PSQuickRule 1" },
        { "Get-PSRole", 1, "demo", "" },
        { "Get-PSSmartRule", 1, "demo", "" },
        { "Get-PSUser", 1, "demo", "" },
        { "Get-PSUser", 2, "demo", "ci-bot's client secret expires within 30 days" },
        { "Get-PSUser", 3, "demo", "" },
        { "Get-PSUserGroup", 1, "demo", "" },
        { "Get-PSUserGroup", 2, "demo", "" },
        { "Get-PSWorkgroup", 1, "demo", "" },
        { "Get-PasswordSafeSession", 1, "demo", "" },
        { "Get-PasswordSafeSession", 2, "demo", "" },
        { "Get-PasswordSafeSession", 3, "demo", "" },
        { "Grant-PSUserGroupRole", 1, "demo", "" },
        { "Grant-PSUserGroupRole", 2, "demo", "" },
        { "Grant-PSUserGroupRole", 3, "demo", "" },
        { "Get-PSUserGroupRole", 1, "demo", "" },
        { "Get-PSUserGroupRole", 2, "demo", "" },
        { "Revoke-PSUserGroupRole", 1, "demo", "" },
        { "Revoke-PSUserGroupRole", 2, "demo", "" },
        { "Get-PSPlatform", 1, "demo", "" },
        { "Get-PSPlatform", 2, "demo", "" },
        { "Lock-PSAccessSession", 1, "demo", "New-PSAccessSession 1, demo answers Yes when asked" },
        { "Lock-PSAccessSession", 2, "demo", "New-PSAccessSession 1" },
        { "Lock-PSAccessSession", 3, "demo", "New-PSAccessSession 1" },
        { "Lock-PSAccessSession", 4, "demo", "New-PSAccessSession 1" },
        { "New-PSAdminSession", 1, "demo", "" },
        { "New-PSAdminSession", 2, "demo", "" },
        { "New-PSAdminSession", 3, "demo", "New-PSAdminSession 2" },
        { "New-PSApiRegistration", 1, "demo", "" },
        { "New-PSApiRegistration", 2, "demo", "" },
        { "New-PSApiRegistration", 3, "demo", "" },
        { "New-PSAsset", 1, "demo", "New-PSWorkgroup 1" },
        { "New-PSManagedAccount", 1, "demo", "New-PSWorkgroup 1" },
        { "New-PSManagedSystem", 1, "demo", "an asset db02 in Datacenter A" },
        { "New-PSQuickRule", 1, "demo", "" },
        { "New-PSUser", 1, "demo", "" },
        { "New-PSUser", 2, "demo", "" },
        { "New-PSUserGroup", 1, "demo", "" },
        { "New-PSUserGroup", 2, "demo", "" },
        { "New-PSWorkgroup", 1, "demo", "" },
        { "Remove-PSApiRegistration", 1, "demo", "New-PSApiRegistration 1" },
        { "Remove-PSApiRegistration", 2, "demo", "New-PSApiRegistration 1" },
        { "Remove-PSAsset", 1, "demo", "New-PSWorkgroup 1, New-PSAsset 1" },
        { "Remove-PSManagedAccount", 1, "demo", "" },
        { "Remove-PSManagedSystem", 1, "demo", "New-PSWorkgroup 1, New-PSAsset 1" },
        { "Remove-PSUser", 1, "demo", "New-PSUser 2" },
        { "Remove-PSUserGroup", 1, "demo", "New-PSUserGroup 1" },
        { "Remove-PSUserGroupMember", 1, "demo", "Add-PSUserGroupMember 1" },
        { "Reset-PSApiRegistrationKey", 1, "demo", "New-PSApiRegistration 1" },
        { "Reset-PSApiRegistrationKey", 2, "demo", "New-PSApiRegistration 1, New-PSApiRegistration 3" },
        { "Reset-PSClientSecret", 1, "demo", "" },
        { "Set-PSApiRegistration", 1, "demo", "" },
        { "Set-PSApiRegistration", 2, "demo", "New-PSApiRegistration 1" },
        { "Set-PSAsset", 1, "demo", "New-PSWorkgroup 1, New-PSAsset 1" },
        { "Set-PSManagedAccount", 1, "demo", "" },
        { "Set-PSManagedAccountCredential", 1, "demo", "" },
        { "Set-PSManagedAccountCredential", 2, "demo", "" },
        { "Set-PSManagedSystem", 1, "demo", "" },
        { "Set-PSUser", 1, "demo", "New-PSUser 2" },
        { "Start-PSManagedAccountPasswordChange", 1, "demo", "" },
        { "Stop-PSAccessSession", 1, "demo", "CONTOSO\\jdoe holds an RDP session to web01" },
        { "Stop-PSAccessSession", 2, "demo", "New-PSAccessSession 1" },
        { "Stop-PSAccessSession", 3, "demo", "New-PSAccessSession 1" },
        { "Stop-PSAccessSession", 4, "demo", "New-PSAccessSession 1" },
        { "Test-PSManagedAccountCredential", 1, "demo", "" },
        { "Test-PSManagedAccountCredential", 2, "demo", "" },
        { "Test-PSManagedAccountCredential", 3, "demo", "" },
        { "Test-PasswordSafeSession", 1, NotSignedIn, "" },
        { "Test-PasswordSafeSession", 2, NotSignedIn, "Connect-PasswordSafe 2" },
        { "Test-PasswordSafeSession", 3, "demo", "" },
        { "Use-PasswordSafeSession", 1, NotSignedIn, "" },
        { "Use-PasswordSafeSession", 2, "demo", "the module installed on PSModulePath" },
        { "Get-PSPermission", 1, "demo", "" },
        { "Get-PSPermission", 2, "demo", "" },
        { "Get-PSAccessLevel", 1, "demo", "" },
        { "Get-PSUserGroupPermission", 1, "demo", "" },
        { "Get-PSUserGroupPermission", 2, "demo", "" },
        { "Get-PSUserGroupPermission", 3, "demo", "" },
        { "Grant-PSUserGroupPermission", 1, "demo", "" },
        { "Grant-PSUserGroupPermission", 2, "demo", "" },
        { "Grant-PSUserGroupPermission", 3, "demo", "Grant-PSUserGroupPermission 2" },
        { "Grant-PSUserGroupPermission", 4, "demo", "Grant-PSUserGroupPermission 2" },
        { "Revoke-PSUserGroupPermission", 1, "demo", "Grant-PSUserGroupPermission 2" },
        { "Revoke-PSUserGroupPermission", 2, "demo", "Grant-PSUserGroupPermission 2" },
        { "Revoke-PSUserGroupPermission", 3, "demo", "Grant-PSUserGroupPermission 2, demo answers Yes when asked" },
        { "Block-PSUser", 1, "demo", "demo answers Yes when asked" },
        { "Block-PSUser", 2, "demo", "" },
        { "Block-PSUser", 3, "demo", "" },
    };

    /// <summary>Examples of these pages that are not run here, with why.</summary>
    internal static readonly (string Cmdlet, int Number, string Why)[] NotRunnable =
    {
        ("New-PSApiRegistration", 4, CsvOfTheReader),
        ("New-PSAsset", 2, CsvOfTheReader),
        ("New-PSManagedAccount", 2, CsvOfTheReader),
        ("New-PSManagedSystem", 2, CsvOfTheReader),
        ("New-PSQuickRule", 2, CsvOfTheReader),
        ("New-PSUser", 3, CsvOfTheReader),
        ("New-PSUserGroup", 3, CsvOfTheReader),
        ("New-PSWorkgroup", 2, CsvOfTheReader),
        ("Set-PSApiRegistration", 3, CsvOfTheReader),
        ("Set-PSAsset", 2, CsvOfTheReader),
        ("Set-PSManagedAccount", 2, CsvOfTheReader),
        ("Set-PSManagedAccountCredential", 3, CsvOfTheReader),
        ("Set-PSManagedSystem", 2, CsvOfTheReader),
        ("Set-PSUser", 2, CsvOfTheReader),
    };

    // The bulk examples read the reader's own CSV file (the comment shows its shape, with the reader's ids); the hosted
    // engine has no Import-Csv, and Admin/CsvProvisioningTests runs such files through the same cmdlets.
    private const string CsvOfTheReader = "reads a CSV file of the reader's; CSV binding is proven by Admin/CsvProvisioningTests";

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task AdminExample_RunsAsWritten_AgainstTheDemoEmulator(string cmdlet, int number, string runAs, string given)
    {
        await using var stage = await HelpExampleStage.StartAsync();
        var shell = stage.ShellOf(runAs);
        foreach (var step in given.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Situations.TryGetValue(step, out var situation))
            {
                situation(stage);
            }
            else
            {
                stage.Run(runAs, EarlierExample(step));
            }
        }

        var auditedBefore = stage.Server.State.Audit.Count;
        var writtenBefore = shell.Host.UserInterface.Written.Count;
        var code = HelpExamples.Code(cmdlet, number);
        using var running = shell.Begin(code);
        var result = running.Wait(TimeSpan.FromSeconds(60));

        Assert.True(result.Errors.Count == 0, $"{cmdlet} example {number} failed against the demo data:\n{code}\n" +
            string.Join("\n", result.Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
        // An example that finds nothing to act on also runs without an error: it must show output, say what it would
        // do (-WhatIf), or leave a trace in the emulator's audit (sign-in, change, key read).
        var saidWhatIf = result.HostWrites.Skip(writtenBefore).Any(line => line.StartsWith("What if:", StringComparison.Ordinal));
        Assert.True(result.Output.Count > 0 || saidWhatIf || stage.Server.State.Audit.Count > auditedBefore,
            $"{cmdlet} example {number} ran without output, What if or audited effect: it names nothing the demo data has.\n{code}");
    }

    [Fact]
    public void EveryExampleOfTheOtherPages_IsRunOrListedAsNotRunnable()
    {
        // Every page the checkout class does not run is this class's: a new page or a new example is run here too,
        // or the list says why it cannot be.
        var checkoutPages = HelpExampleRunTests.Examples().Select(row => (string)row[0]).ToHashSet();
        var listed = Examples().Select(row => ((string)row[0], (int)row[1])).ToHashSet();
        var notRunnable = NotRunnable.Select(row => (row.Cmdlet, row.Number)).ToHashSet();
        Assert.All(NotRunnable, row => Assert.False(string.IsNullOrWhiteSpace(row.Why), $"{row.Cmdlet} {row.Number}: say why."));
        Assert.Empty(listed.Intersect(notRunnable));
        Assert.All(listed.Concat(notRunnable), row => Assert.True(HelpExamples.Exists(row.Item1, row.Item2), $"{row.Item1} has no example {row.Item2}."));
        foreach (var cmdlet in HelpExamples.Pages().Where(page => !checkoutPages.Contains(page)))
        {
            foreach (var number in HelpExamples.Numbers(cmdlet))
            {
                Assert.True(listed.Contains((cmdlet, number)) || notRunnable.Contains((cmdlet, number)),
                    $"{cmdlet} example {number} is neither run against the demo data nor listed as not runnable here.");
            }
        }
    }

    /// <summary>"Cmdlet N": example N of that cmdlet's page.</summary>
    private static string EarlierExample(string reference)
    {
        var space = reference.LastIndexOf(' ');
        return HelpExamples.Code(reference[..space], int.Parse(reference[(space + 1)..], CultureInfo.InvariantCulture));
    }
}
