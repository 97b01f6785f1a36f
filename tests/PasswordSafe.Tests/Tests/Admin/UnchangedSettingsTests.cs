using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// The Set- cmdlets (E5 provisioning, A1–A4 registrations, users) send a PUT only for a change. A call that gives no
/// setting is ValidationFailed before anything is sent; values already in place, and CSV rows whose setting cells are
/// empty, send no PUT and leave no audit entry (the emulator audits every update, as the server does), so a runbook
/// can re-apply the same CSV every night; a real change still goes through. Each test owns a checkout emulator.
/// </summary>
public sealed class UnchangedSettingsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ps-unchanged-");

    public void Dispose() => folder.Delete(recursive: true);

    [Theory]
    [InlineData("Set-PSUser -UserId 2", "-FirstName")]
    [InlineData("Set-PSUser -UserId 2 -PassThru", "-EmailAddress")]
    [InlineData("Set-PSAsset -AssetId 1", "-OperatingSystem")]
    [InlineData("Set-PSManagedSystem -ManagedSystemId 1 -ApiVersion 3.2", "Get-Help Set-PSManagedSystem -Parameter *")]
    [InlineData("Set-PSManagedAccount -AccountId 1", "-AccountName")]
    [InlineData("Set-PSApiRegistration -RegistrationId 1", "-MultiFactorAuthentication")]
    public async Task NoSettingGiven_ValidationFailed_NamingTheSettings_NothingSentAtAll(string command, string named)
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run(command + " -Verbose");

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("was given no setting to change", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Give at least one setting to change: ", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains(named, error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Empty(result.Verbose); // not even the read
        before.AssertUnchanged(emulator.State, command);
    }

    [Fact]
    public async Task PipedObjectsWithNoSettingTyped_EachValidationFailed_SayingObjectsGiveOnlyTheirId_NothingUpdated()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run("Get-PSManagedSystem -ManagedSystemId 1, 2 | Set-PSManagedSystem -Verbose");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("ValidationFailed,", e.FullyQualifiedErrorId, StringComparison.Ordinal));
        Assert.Equal(new object[] { 1, 2 }, result.Errors.Select(e => e.TargetObject).ToArray());
        Assert.Contains("A piped object from this module gives only its id", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Verbose, l => l.Contains("PUT", StringComparison.Ordinal));
        before.AssertUnchanged(emulator.State, "piped systems, no setting");
    }

    /// <summary>A change, made once (audited), then made again: the second time nothing is sent.</summary>
    [Theory]
    [InlineData("Set-PSUser -UserId 2 -FirstName 'Dee' -EmailAddress 'dee@example.test'", AuditKinds.UserUpdated)]
    [InlineData("Set-PSAsset -AssetId $AssetId -Description 'same' -OperatingSystem 'Linux' -AssetName 'same-1'", AuditKinds.AssetUpdated)]
    [InlineData("Set-PSManagedSystem -ManagedSystemId 1 -Description 'same' -ReleaseDuration 90 -ChangeFrequencyType xdays -ChangeFrequencyDays 7 -CheckPassword -ChangeTime '23:30'",
        AuditKinds.ManagedSystemUpdated)]
    [InlineData("Set-PSManagedAccount -AccountId 1 -Description 'same' -MaxConcurrentRequests 2 -ApiEnabled -ChangeFrequencyType first -NextChangeDate '2030-01-31' -UseOwnCredentials",
        AuditKinds.ManagedAccountUpdated)]
    [InlineData("Set-PSApiRegistration -RegistrationId $RegistrationId -Name 'same key' -IPRule '10.0.0.0/8', '192.0.2.1' -Active $false -MultiFactorAuthentication $false -Force",
        AuditKinds.ApiRegistrationUpdated)]
    public async Task SameValuesAgain_NoPut_NotAudited_VerboseSaysSo_PassThruWritesTheObject(string change, string updatedKind)
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        var audit = AuditCursor.Mark(emulator.State);

        admin.Run(change).AssertSuccess();
        Assert.Single(audit.NewEntries(updatedKind, "admin"));
        var before = EmulatorStateSnapshot.Take(emulator.State);
        var again = AuditCursor.Mark(emulator.State);

        var result = admin.Run(change + " -PassThru -Verbose").AssertSuccess();

        Assert.Empty(again.NewEntries(updatedKind));
        before.AssertUnchanged(emulator.State, change);
        Assert.DoesNotContain(result.Verbose, l => l.Contains("PUT", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, l => l.StartsWith("Nothing was sent for ", StringComparison.Ordinal) && l.Contains("it already has the values given (-", StringComparison.Ordinal));
        Assert.Single(result.Output);

        // -WhatIf says nothing would be done: there is nothing to do.
        var whatIf = admin.Run(change + " -WhatIf").AssertSuccess();
        Assert.DoesNotContain(whatIf.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NightlyCsv_AppliedTwice_TheSecondRunSendsNothing_ThenOneChangedRowSendsOnePut()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        var assets = admin.Run(
            "$wg = New-PSWorkgroup -Name 'Nightly'\n" +
            "($wg | New-PSAsset -IPAddress '10.7.0.1' -AssetName 'n1').AssetId\n" +
            "($wg | New-PSAsset -IPAddress '10.7.0.2' -AssetName 'n2').AssetId").AssertSuccess().Output.Select(o => (int)o.BaseObject).ToArray();
        Csv(admin, "Assets", "AssetId,Description,OperatingSystem", $"{assets[0]},front end,Linux", $"{assets[1]},,", $"{assets[1]},back end,");
        Csv(admin, "Accounts", "AccountId,ApiEnabled,MaxConcurrentRequests,ChangeFrequencyType,Description", "1,true,3,FIRST,", "2,,,,", "12,false,,xdays,runbook");
        Csv(admin, "People", "UserId,FirstName,LastName,EmailAddress", "2,Dee,Dawson,", "7,,,outsider@example.test", "6,John,Doe,");
        Csv(admin, "Systems", "ManagedSystemId,ReleaseDuration,MaxReleaseDuration,Description", "1,60,480,", "2,,,database tier");
        const string nightly =
            "Import-Csv $Assets | Set-PSAsset -Verbose\n" +
            "Import-Csv $Accounts | Set-PSManagedAccount -Verbose\n" +
            "Import-Csv $People | Set-PSUser -Verbose\n" +
            "Import-Csv $Systems | Set-PSManagedSystem -Verbose";
        var audit = AuditCursor.Mark(emulator.State);

        var first = admin.Run(nightly).AssertSuccess();
        var updates = audit.NewEntries().Where(e => e.Kind.EndsWith("Updated", StringComparison.Ordinal)).ToList();
        // Rows that change something: 2 asset rows, accounts 1 and 12, user 2, systems 1 and 2. The empty rows (asset n2's
        // first, account 2), jdoe's row with his current names and outsider's with his current e-mail send nothing.
        Assert.Equal(7, updates.Count);
        Assert.Equal(4, first.Verbose.Count(l => l.StartsWith("Nothing was sent for ", StringComparison.Ordinal)));
        Assert.Contains(first.Verbose, l => l == "Nothing was sent for user 7 (outsider): it already has the values given (-EmailAddress).");
        Assert.Equal(("Dee", "Dawson"), (emulator.State.FindUser(2)!.FirstName, emulator.State.FindUser(2)!.LastName));
        Assert.Equal("first", emulator.State.FindManagedAccount(1)!.Settings["ChangeFrequencyType"]);

        var before = EmulatorStateSnapshot.Take(emulator.State);
        var second = admin.Run(nightly).AssertSuccess();

        before.AssertUnchanged(emulator.State, "the same CSV files again");
        Assert.DoesNotContain(second.Verbose, l => l.Contains("PUT", StringComparison.Ordinal));
        Assert.Equal(11, second.Verbose.Count(l => l.StartsWith("Nothing was sent for ", StringComparison.Ordinal)));
        Assert.Contains(second.Verbose, l => l.StartsWith($"Nothing was sent for managed account 2 (sa): the piped row gives no value to change", StringComparison.Ordinal));

        Csv(admin, "People", "UserId,FirstName,LastName,EmailAddress", "2,Dee,Dawson-Smith,", "7,,,outsider@example.test", "6,John,Doe,");
        var third = AuditCursor.Mark(emulator.State);
        admin.Run("Import-Csv $People | Set-PSUser").AssertSuccess();
        var changed = Assert.Single(third.NewEntries(), e => e.Kind.EndsWith("Updated", StringComparison.Ordinal));
        Assert.Equal(AuditKinds.UserUpdated, changed.Kind);
        Assert.Equal("Dawson-Smith", emulator.State.FindUser(2)!.LastName);
    }

    [Fact]
    public async Task DirectoryUser_WithItsCurrentValues_IsNoError_AChangeIsStillRefused()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        admin.Run("Set-PSUser -UserId 6 -UserName 'jdoe' -FirstName 'John'").AssertSuccess();
        var refused = admin.Run("Set-PSUser -UserId 6 -FirstName 'Johnny'");

        Assert.Contains("come from the directory", refused.AssertError("ValidationFailed", ErrorCategory.InvalidArgument).ToString(), StringComparison.Ordinal);
        before.AssertUnchanged(emulator.State, "directory user");
    }

    [Fact]
    public async Task WhatIfAndConfirm_NameOnlyTheSettingsThatChange()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        var current = emulator.State.FindManagedSystem(1)!.ReleaseDuration;

        var result = admin.Run($"Set-PSManagedSystem -ManagedSystemId 1 -Description 'what if' -ReleaseDuration {current} -WhatIf").AssertSuccess();

        var line = Assert.Single(result.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal));
        Assert.Contains("\"Update Description\"", line, StringComparison.Ordinal);
        Assert.Contains("managed system 1 (web01)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenPassword_IsAlwaysSent_TheServerNeverShowsIt()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        admin.SetVariable("NewPassword", EmulatorFixture.Secure("Same-Pa55-vB8nM2"));
        var audit = AuditCursor.Mark(emulator.State);

        admin.Run("Set-PSUser -UserId 2 -Password $NewPassword; Set-PSUser -UserId 2 -Password $NewPassword").AssertSuccess();

        Assert.Equal(2, audit.NewEntries(AuditKinds.UserUpdated, "admin").Count);
    }

    [Fact]
    public async Task RegistrationRules_TheSameListIsNoChange_ADescriptionLeftOutIs()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        admin.Run("$id = (New-PSApiRegistration -Name 'rules' -IPRule @{ Value = '10.0.0.0/8'; Description = 'office' }, '192.0.2.1').RegistrationId")
            .AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        admin.Run("Set-PSApiRegistration -RegistrationId $id -IPRule @{ Value = '10.0.0.0/8'; Description = 'office' }, '192.0.2.1' -Name 'rules'")
            .AssertSuccess();
        Assert.Empty(audit.NewEntries(AuditKinds.ApiRegistrationUpdated));

        var result = admin.Run("Set-PSApiRegistration -RegistrationId $id -IPRule '10.0.0.0/8', '192.0.2.1' -WhatIf").AssertSuccess();
        Assert.Contains(result.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("\"Update IPRule\"", StringComparison.Ordinal));
        admin.Run("Set-PSApiRegistration -RegistrationId $id -IPRule '10.0.0.0/8', '192.0.2.1'").AssertSuccess();
        Assert.Single(audit.NewEntries(AuditKinds.ApiRegistrationUpdated, "admin"));
    }

    private static PowerShellRunner Admin(CheckoutEmulator emulator)
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        admin.Run(CsvStandIn.ImportCsv).AssertSuccess();
        admin.Run(
            "$AssetId = (New-PSWorkgroup -Name 'Same' | New-PSAsset -IPAddress '10.9.0.1' -AssetName 'same-0').AssetId\n" +
            "$RegistrationId = (New-PSApiRegistration -Name 'same key 0' -IPRule '10.0.0.0/8').RegistrationId").AssertSuccess();
        return admin;
    }

    /// <summary>Writes <paramref name="name"/>.csv and sets $<paramref name="name"/> to its path.</summary>
    private void Csv(PowerShellRunner runner, string name, params string[] lines)
    {
        var path = Path.Combine(folder.FullName, name + ".csv");
        File.WriteAllLines(path, lines);
        runner.SetVariable(name, path);
    }
}
