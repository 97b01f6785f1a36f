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
/// Bulk provisioning from CSV: the New-/Set- cmdlets take their values from rows whose column names are the parameter
/// names (or the API's field names), as psPAS does. Values arrive as text and convert (numbers, True/False/1/0/Yes/No,
/// listed values); an empty cell is a value not given; a value that does not convert is a clear error for that row while
/// the other rows go on. Objects the module returned give only their ids: piped into Set- they change only what is typed
/// (a stale object does not undo a newer change), piped into New- they lend the new object none of their own values.
/// Each test owns a checkout emulator; the rows come from real .csv files through <see cref="CsvStandIn"/>.
/// </summary>
public sealed class CsvProvisioningTests : IDisposable
{
    private const string Password = "Csv-Pa55-mK8vT3";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ps-csv-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task TesterRepro_ARowWithWorkgroupNameIPAddressAndAssetName_NewPSAssetCreatesIt_NoPrompt()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        admin.Run("New-PSWorkgroup -Name 'Datacenter A'").AssertSuccess();

        var asset = admin.Run("[pscustomobject]@{ WorkgroupName = 'Datacenter A'; IPAddress = '10.1.2.10'; AssetName = 'app10' } | New-PSAsset")
            .AssertSuccess().Output.Single();

        Assert.Equal("app10", asset.Properties["AssetName"].Value);
        Assert.Equal("10.1.2.10", emulator.State.FindAsset((int)asset.Properties["AssetId"].Value)!.IPAddress);
    }

    [Fact]
    public async Task ImportCsv_TheProvisioningChain_EachNewCmdletTakesItsColumns_EmptyCellsAreNotSent()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        Csv(admin, "Workgroups", "Name,OrganizationId", "Datacenter A,", "Datacenter B,");
        Csv(admin, "Assets", "WorkgroupName,IPAddress,AssetName,OperatingSystem,Description",
            "Datacenter A,10.1.2.10,app10,Windows Server 2022,", "Datacenter A,10.1.2.11,app11,,front end", "Datacenter B,10.1.3.10,db10,Ubuntu 24.04,");

        admin.Run("Import-Csv $Workgroups | New-PSWorkgroup").AssertSuccess();
        var assets = admin.Run("$assets = Import-Csv $Assets | New-PSAsset; $assets.AssetId").AssertSuccess().Output.Select(o => (int)o.BaseObject).ToArray();

        var app10 = emulator.State.FindAsset(assets[0])!;
        var app11 = emulator.State.FindAsset(assets[1])!;
        Assert.Equal(new[] { "Datacenter A", "Datacenter A", "Datacenter B" },
            assets.Select(id => emulator.State.Workgroups.Single(w => w.Id == emulator.State.FindAsset(id)!.WorkgroupId).Name).ToArray());
        Assert.Equal(("Windows Server 2022", (string?)null), (app10.OperatingSystem, app10.Description));
        Assert.Equal(((string?)null, "front end"), (app11.OperatingSystem, app11.Description));

        Csv(admin, "Systems", "AssetId,PlatformId,ReleaseDuration,MaxReleaseDuration,ChangeFrequencyType,ChangeFrequencyDays,AutoManagementFlag",
            $"{assets[0]},1,90,240,xdays,30,false", $"{assets[2]},2,,,,,");
        var systems = admin.Run("(Import-Csv $Systems | New-PSManagedSystem).ManagedSystemId").AssertSuccess().Output.Select(o => (int)o.BaseObject).ToArray();

        var web = emulator.State.FindManagedSystem(systems[0])!;
        Assert.Equal((1, 90, 240), (web.PlatformId, web.ReleaseDuration, web.MaxReleaseDuration));
        Assert.Equal("xdays", web.Settings["ChangeFrequencyType"]);
        Assert.Equal(2, emulator.State.FindManagedSystem(systems[1])!.PlatformId);

        Csv(admin, "Accounts", "ManagedSystemId,AccountName,ApiEnabled,MaxConcurrentRequests,ReleaseDuration,Description",
            $"{systems[0]},svc-app10,true,2,30,runs the app", $"{systems[1]},svc-db10,no,,,");
        var accounts = admin.Run("(Import-Csv $Accounts | New-PSManagedAccount -Password $CsvPassword).AccountId").AssertSuccess()
            .Output.Select(o => (int)o.BaseObject).ToArray();

        var app = emulator.State.FindManagedAccount(accounts[0])!;
        Assert.Equal(("svc-app10", true, 2, 30, "runs the app"), (app.AccountName, app.ApiEnabled, app.MaxConcurrentRequests, app.ReleaseDuration, app.Description));
        Assert.False(emulator.State.FindManagedAccount(accounts[1])!.ApiEnabled);

        Csv(admin, "Rules", "Title,AccountId,Category", $"CSV app accounts,{accounts[0]},Apps", $"CSV all accounts,{accounts[0]},", $"CSV all accounts,{accounts[1]},All");
        admin.Run("Import-Csv $Rules | New-PSQuickRule").AssertSuccess();

        var apps = emulator.State.SmartRules.Single(r => r.Title == "CSV app accounts");
        var all = emulator.State.SmartRules.Single(r => r.Title == "CSV all accounts");
        Assert.Equal(new[] { accounts[0] }, apps.AccountIds.ToArray());
        Assert.Equal(accounts, all.AccountIds.ToArray());
        Assert.Equal(("Apps", "All"), (apps.Category, all.Category));
    }

    [Fact]
    public async Task ImportCsv_UsersAndGroups_ByTheirTypeSwitch_AndTheApisFieldNames()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        Csv(admin, "Users", "UserName,FirstName,LastName,EmailAddress", "csv-ann,Ann,Able,ann@example.test", "csv-bob,Bob,,");
        Csv(admin, "Directory", "UserName,DomainName,ForestName", "csv-carol,CONTOSO,contoso.test");
        Csv(admin, "Groups", "GroupName,Description,ApplicationRegistrationIds", "CSV operators,run books,1", "CSV auditors,,");

        admin.Run("Import-Csv $Users | New-PSUser -Password $CsvPassword").AssertSuccess();
        admin.Run("Import-Csv $Directory | New-PSUser -ActiveDirectory").AssertSuccess();
        admin.Run("Import-Csv $Groups | New-PSUserGroup").AssertSuccess();

        var ann = emulator.State.Users.Single(u => u.UserName == "csv-ann");
        Assert.Equal(("Ann", "Able", "ann@example.test"), (ann.FirstName, ann.LastName, ann.EmailAddress));
        Assert.Null(emulator.State.Users.Single(u => u.UserName == "csv-bob").LastName);
        var carol = emulator.State.Users.Single(u => u.UserName == "csv-carol");
        Assert.Equal(("CONTOSO", "contoso.test"), (carol.DomainName, carol.ForestName));
        var operators = emulator.State.UserGroups.Single(g => g.Name == "CSV operators");
        Assert.Equal("run books", operators.Description);
        Assert.Equal(new[] { 1 }, operators.ApplicationRegistrationIds.ToArray());
        Assert.Empty(emulator.State.UserGroups.Single(g => g.Name == "CSV auditors").ApplicationRegistrationIds);
    }

    [Fact]
    public async Task ImportCsv_SparseChanges_SetCmdletsChangeWhatTheRowGives_EmptyCellsKeepTheCurrentValue()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        var ids = admin.Run(
            "$wg = New-PSWorkgroup -Name 'Sparse'\n" +
            "($wg | New-PSAsset -IPAddress '10.5.0.1' -AssetName 'sp1' -Description 'first' -OperatingSystem 'Linux').AssetId\n" +
            "($wg | New-PSAsset -IPAddress '10.5.0.2' -AssetName 'sp2' -Description 'second' -OperatingSystem 'Linux').AssetId").AssertSuccess()
            .Output.Select(o => (int)o.BaseObject).ToArray();
        Csv(admin, "Changes", "AssetId,Description,OperatingSystem", $"{ids[0]},renamed one,", $"{ids[1]},,Windows");
        Csv(admin, "Accounts", "AccountId,ApiEnabled,MaxConcurrentRequests,ChangeFrequencyType", "1,false,,", "2,,4,first");
        var outsiderFirstName = emulator.State.FindUser(7)!.FirstName;
        Csv(admin, "People", "UserId,FirstName,LastName", "2,Dee,", "7,,Doe-Smith");

        admin.Run("Import-Csv $Changes | Set-PSAsset").AssertSuccess();
        admin.Run("Import-Csv $Accounts | Set-PSManagedAccount").AssertSuccess();
        admin.Run("Import-Csv $People | Set-PSUser").AssertSuccess();

        Assert.Equal(("renamed one", "Linux"), (emulator.State.FindAsset(ids[0])!.Description, emulator.State.FindAsset(ids[0])!.OperatingSystem));
        Assert.Equal(("second", "Windows"), (emulator.State.FindAsset(ids[1])!.Description, emulator.State.FindAsset(ids[1])!.OperatingSystem));
        var one = emulator.State.FindManagedAccount(1)!;
        var two = emulator.State.FindManagedAccount(2)!;
        Assert.False(one.ApiEnabled);
        Assert.True(two.ApiEnabled);
        Assert.Equal(4, two.MaxConcurrentRequests);
        Assert.Equal("first", two.Settings["ChangeFrequencyType"]);
        Assert.Equal(("Dee", "User"), (emulator.State.FindUser(2)!.FirstName, emulator.State.FindUser(2)!.LastName));
        Assert.Equal((outsiderFirstName, "Doe-Smith"), (emulator.State.FindUser(7)!.FirstName, emulator.State.FindUser(7)!.LastName));
    }

    [Fact]
    public async Task CsvValuesThatDoNotConvert_AreAClearErrorForThatRow_TheOtherRowsAreCreated()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        Csv(admin, "Accounts", "ManagedSystemId,AccountName,ApiEnabled,ReleaseDuration,ChangeFrequencyType",
            "1,csv-ok-one,true,30,", "1,csv-bad-duration,true,soon,", "1,csv-bad-flag,maybe,30,", "1,csv-bad-frequency,yes,30,weekly", "1,csv-ok-two,0,,");

        var result = admin.Run("Import-Csv $Accounts | New-PSManagedAccount -Password $CsvPassword");

        Assert.Equal(new[] { "csv-ok-one", "csv-ok-two" }, result.Output.Select(o => (string)o.Properties["AccountName"].Value).ToArray());
        Assert.True(emulator.State.FindManagedAccount("web01", "csv-ok-one")!.ApiEnabled);
        Assert.False(emulator.State.FindManagedAccount("web01", "csv-ok-two")!.ApiEnabled);
        Assert.Equal(3, result.Errors.Count);
        var duration = result.Errors[0];
        Assert.StartsWith("ValidationFailed,", duration.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, duration.CategoryInfo.Category);
        Assert.Contains("The piped row's ReleaseDuration value 'soon' cannot be used for -ReleaseDuration, which takes a whole number. The row was skipped.",
            ErrorText.Shown(duration));
        Assert.Equal("csv-bad-duration", ((PSObject)duration.TargetObject).Properties["AccountName"].Value);
        Assert.StartsWith("ParameterArgumentTransformationError,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Contains("'maybe' is not True or False: write True or False, 1 or 0, Yes or No.", result.Errors[1].ToString());
        Assert.StartsWith("ValidationFailed,", result.Errors[2].FullyQualifiedErrorId);
        Assert.Contains("-ChangeFrequencyType 'weekly' is not one of: first, last, xdays.", ErrorText.Shown(result.Errors[2]));
        Assert.Null(emulator.State.FindManagedAccount("web01", "csv-bad-frequency"));
    }

    [Fact]
    public async Task PasswordColumnAsText_IsRefusedForThatRow_WithoutShowingIt()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        Csv(admin, "Credentials", "AccountId,Password", "1,Plain-Text-Pa55-zQ1");

        var result = admin.Run("Import-Csv $Credentials | Set-PSManagedAccountCredential -Force");

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        var shown = ErrorText.Shown(error);
        Assert.Contains("The piped row's Password cannot be used for -Password, which takes a SecureString, not text.", shown);
        Assert.Contains("ConvertTo-SecureString", shown);
        // Not in the message, nor in the error's target (the row holds it as text): the record names the column only.
        Assert.Equal("the piped row's Password", error.TargetObject);
        Assert.DoesNotContain("Plain-Text-Pa55-zQ1", result.AllText());
    }

    [Fact]
    public async Task NewPSUser_PasswordColumnAsText_IsRefusedForThatRowByName_OtherRowsGoOn()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        Csv(admin, "People", "UserName,Password", "csv-text-pass,Plain-Text-Pa55-uR4");
        admin.SetVariable("Secure", EmulatorFixture.Secure("Typed-Pa55-wQ7x"));
        var usersBefore = emulator.State.Users.Count;

        var result = admin.Run("Import-Csv $People | New-PSUser; [pscustomobject]@{ UserName = 'csv-typed-pass'; Password = $Secure } | New-PSUser");

        // The module's own row check, not PowerShell's "did not contain Password" (which is wrong and keeps the row).
        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("The piped row's Password cannot be used for -Password, which takes a SecureString, not text.", ErrorText.Shown(error));
        Assert.Equal("the piped row's Password", error.TargetObject);
        Assert.DoesNotContain("Plain-Text-Pa55-uR4", result.AllText());
        Assert.Equal("csv-typed-pass", Assert.Single(result.Output).Properties["UserName"].Value);
        Assert.Equal(usersBefore + 1, emulator.State.Users.Count);
    }

    [Fact]
    public async Task NewPSUser_ActiveDirectoryRowsWithAPasswordColumn_AreCreated_OneWarningNamesTheColumnNotTheValues()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        Csv(admin, "Directory", "UserName,DomainName,Password,FirstName", "csv-dan,CONTOSO,Plain-Text-Pa55-dN2,Dan", "csv-eve,CONTOSO,Plain-Text-Pa55-eV3,",
            "csv-fay,CONTOSO,,");

        var result = admin.Run("Import-Csv $Directory | New-PSUser -ActiveDirectory");

        // PowerShell leaves Password (and FirstName: BeyondInsight users only) unbound under -ActiveDirectory without a
        // word; the user is told once per column, not once per row, and never shown the values.
        Assert.Equal(new[] { "csv-dan", "csv-eve", "csv-fay" }, result.AssertSuccess().Output.Select(o => (string)o.Properties["UserName"].Value).ToArray());
        Assert.Equal(2, result.Warnings.Count);
        Assert.Equal(
            "New-PSUser does not use the piped rows' Password column: with -ActiveDirectory PowerShell bound the ActiveDirectory parameter set, "
            + "which takes no -Password. Leave the column out, or check that -ActiveDirectory is what you meant.",
            result.Warnings.Single(w => w.Contains("Password column")));
        Assert.Contains("rows' FirstName column", result.Warnings.Single(w => !w.Contains("Password column")));
        Assert.DoesNotContain("Plain-Text-Pa55", result.AllText());
        Assert.Equal(UserType.ActiveDirectory, emulator.State.Users.Single(u => u.UserName == "csv-dan").UserType);
    }

    [Fact]
    public async Task RowsWhoseColumnsAllBelongToTheChosenSet_GetNoWarning_NorDoObjectsFromTheModule()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        Csv(admin, "Directory", "UserName,DomainName", "csv-gus,CONTOSO");

        var rows = admin.Run("Import-Csv $Directory | New-PSUser -ActiveDirectory").AssertSuccess();
        // A user object carries FirstName and more, which Set-PSUser's sets take or not: its properties are the server's values.
        var objects = admin.Run("Get-PSUser -UserId 2 | Set-PSUser -LastName 'Same'").AssertSuccess();

        Assert.Empty(rows.Warnings);
        Assert.Empty(objects.Warnings);
    }

    [Fact]
    public async Task NewPSUser_WithoutPassword_NothingCreated_ValidationFailedSaysWhatToPass()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        var usersBefore = emulator.State.Users.Count;

        var error = admin.Run("New-PSUser -UserName 'no-password'").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Equal("no-password", error.TargetObject);
        Assert.Contains("needs a password", ErrorText.Shown(error));
        Assert.Contains("-Password", error.ErrorDetails?.RecommendedAction);
        Assert.Equal(usersBefore, emulator.State.Users.Count);
    }

    [Fact]
    public async Task StaleGetObjectsPipedIntoSet_ChangeOnlyTheTypedValue_ANewerChangeSurvives()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        admin.Run(
            "$asset = New-PSWorkgroup -Name 'Stale' | New-PSAsset -IPAddress '10.6.0.1' -AssetName 'st1' -Description 'old'\n" +
            "$registration = New-PSApiRegistration -Name 'Stale key' -IPRule '127.0.0.1'\n" +
            "$staleAsset = Get-PSAsset -AssetId $asset.AssetId\n" +
            "$staleSystem = Get-PSManagedSystem -ManagedSystemId 1\n" +
            "$staleAccount = Get-PSManagedAccount -AccountId 1\n" +
            "$staleUser = Get-PSUser -UserId 2\n" +
            "$staleRegistration = Get-PSApiRegistration -RegistrationId $registration.RegistrationId\n" +
            // Someone else's changes, made after the objects were read.
            "Set-PSAsset -AssetId $asset.AssetId -Description 'newer'\n" +
            "Set-PSManagedSystem -ManagedSystemId 1 -Description 'newer'\n" +
            "Set-PSManagedAccount -AccountId 1 -Description 'newer'\n" +
            "Set-PSUser -UserId 2 -FirstName 'Newer'\n" +
            "Set-PSApiRegistration -RegistrationId $registration.RegistrationId -Name 'Stale key, renamed'").AssertSuccess();

        admin.Run(
            "$staleAsset | Set-PSAsset -OperatingSystem 'Windows Server 2025'\n" +
            "$staleSystem | Set-PSManagedSystem -ReleaseDuration 90\n" +
            "$staleAccount | Set-PSManagedAccount -MaxConcurrentRequests 3\n" +
            "$staleUser | Set-PSUser -LastName 'Changed'\n" +
            "$staleRegistration | Set-PSApiRegistration -MultiFactorAuthentication $false -Force").AssertSuccess();

        var assetId = (int)admin.Run("$asset.AssetId").SingleValue!;
        var registrationId = (int)admin.Run("$registration.RegistrationId").SingleValue!;
        Assert.Equal(("newer", "Windows Server 2025"), (emulator.State.FindAsset(assetId)!.Description, emulator.State.FindAsset(assetId)!.OperatingSystem));
        Assert.Equal(("newer", 90), (emulator.State.FindManagedSystem(1)!.Description, emulator.State.FindManagedSystem(1)!.ReleaseDuration));
        Assert.Equal(("newer", 3), (emulator.State.FindManagedAccount(1)!.Description, emulator.State.FindManagedAccount(1)!.MaxConcurrentRequests));
        Assert.Equal(("Newer", "Changed"), (emulator.State.FindUser(2)!.FirstName, emulator.State.FindUser(2)!.LastName));
        var stored = emulator.State.FindApiRegistration(registrationId)!;
        Assert.Equal(("Stale key, renamed", false), (stored.Name, stored.MultiFactorAuthenticationEnforced));
    }

    [Fact]
    public async Task ObjectsFromTheModule_LendANewObjectOnlyTheirIds_NotTheirOwnValues()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = Admin(emulator);
        admin.Run("Set-PSManagedSystem -ManagedSystemId 1 -Description 'web tier' -ChangeFrequencyType xdays -ChangeFrequencyDays 7").AssertSuccess();

        var account = admin.Run("Get-PSManagedSystem -ManagedSystemId 1 | New-PSManagedAccount -AccountName 'svc-from-system' -Password $CsvPassword")
            .AssertSuccess().Output.Single();
        var copy = admin.Run("Get-PSWorkgroup -Name East | New-PSWorkgroup");

        var created = emulator.State.FindManagedAccount((int)account.Properties["AccountId"].Value)!;
        Assert.Equal(1, created.System.ManagedSystemId);
        Assert.Null(created.Description);
        Assert.False(created.Settings.ContainsKey("ChangeFrequencyType"));
        Assert.Empty(copy.Output);
        var error = copy.AssertError("InputNotUsable", ErrorCategory.InvalidArgument);
        Assert.Contains("New-PSWorkgroup takes nothing but its session from objects the module returned, so the piped PasswordSafe.Workgroup 'East' does not give -Name",
            ErrorText.Shown(error));
        Assert.Contains("Pass -Name yourself, or pipe rows that carry it", ErrorText.Shown(error));
    }

    private static PowerShellRunner Admin(CheckoutEmulator emulator)
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        admin.SetVariable("CsvPassword", EmulatorFixture.Secure(Password));
        admin.Run(CsvStandIn.ImportCsv).AssertSuccess();
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
