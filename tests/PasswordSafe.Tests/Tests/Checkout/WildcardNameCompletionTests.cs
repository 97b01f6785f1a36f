using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Names with wildcard characters, completed through TabExpansion2 as the console asks and then run as completed: the
/// systems web[01], web0 and web1 (which the pattern web[01] matches) with an account each, requestable by demo's group
/// (Requestors, 10). Where the parameter reads wildcards Tab inserts 'web`[01`]', which finds web[01] alone; where it
/// takes the name literally it inserts the name as it is. The seed gains the aliases db[eu]-sa and dbe-sa (which the
/// pattern db[eu]-sa matches), both preferring web01\rotating-svc, which demo may request without an approver (as
/// runbook-pair does): aliases come only from the seed.
/// </summary>
public sealed class WildcardNameCompletionTests : IAsyncLifetime
{
    private const string AccountPassword = "Bracket-Acct-Pa55-kW4";

    private const string Setup =
        "$wg = New-PSWorkgroup -Name 'Brackets'\n" +
        "$i = 0\n" +
        "$accounts = foreach ($n in 'web[01]', 'web0', 'web1') {\n" +
        "    $i++\n" +
        "    $asset = $wg | New-PSAsset -IPAddress \"10.7.0.$i\" -AssetName $n\n" +
        "    $asset | New-PSManagedSystem -PlatformId 1 | New-PSManagedAccount -AccountName 'svc' -Password $AccountPassword -ApiEnabled\n" +
        "}\n" +
        "$rule = New-PSQuickRule -Title 'bracket systems' -AccountId $accounts.AccountId\n" +
        "Grant-PSUserGroupRole -GroupId 10 -SmartRuleId $rule.SmartRuleId -Role Requestor -AccessPolicyId 1 -Force | Out-Null";

    private const int BracketAliasId = 40;

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync()
    {
        emulator = await CheckoutEmulator.StartAsync(seed =>
        {
            var aliases = seed["Aliases"]!.AsArray();
            aliases.Add(Alias(BracketAliasId, "db[eu]-sa"));
            aliases.Add(Alias(BracketAliasId + 1, "dbe-sa"));
        });
        using var admin = emulator.RunnerFor("admin");
        admin.SetVariable("AccountPassword", EmulatorFixture.Secure(AccountPassword));
        admin.Run(Setup).AssertSuccess();
    }

    public Task DisposeAsync() => emulator.DisposeAsync();

    /// <summary>A requestable alias (state 1) whose preferred account is web01\rotating-svc, like the seed's runbook-pair.</summary>
    private static JsonObject Alias(int id, string name) => new()
    {
        ["AliasID"] = id,
        ["AliasName"] = name,
        ["AliasState"] = 1,
        ["MappedAccounts"] = new JsonArray(new JsonObject { ["ManagedAccountID"] = CheckoutSeed.RotatingService, ["Status"] = "Preferred" }),
    };

    /// <summary>What Tab inserts at the end of <paramref name="line"/>.</summary>
    private static string[] Complete(PowerShellRunner shell, string line) =>
        shell.Run($"(TabExpansion2 -inputScript '{line.Replace("'", "''")}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText")
            .AssertSuccess().Output.Select(o => o.ToString()!).ToArray();

    [Fact]
    public void SystemNameWithBrackets_CompletesEscaped_AndTheCompletedLineFindsThatSystemAlone()
    {
        using var demo = emulator.RunnerFor("demo");

        var system = Assert.Single(Complete(demo, "Get-PSManagedAccount -SystemName web["));
        var listed = demo.Run($"Get-PSManagedAccount -SystemName {system} | ForEach-Object {{ \"$($_.SystemName)\\$($_.AccountName)\" }}").AssertSuccess();
        var account = Assert.Single(Complete(demo, $"New-PSRequest -SystemName {system} -AccountName sv"));
        var requested = demo.Run($"(New-PSRequest -SystemName {system} -AccountName {account} -Reason brackets).SystemName").AssertSuccess();

        Assert.Equal("'web`[01`]'", system);
        Assert.Equal(@"web[01]\svc", listed.SingleValue);
        Assert.Equal("svc", account);
        Assert.Equal("web[01]", requested.SingleValue);
    }

    [Fact]
    public void ManagedSystemName_AdminCmdlet_CompletesEscaped_AndFindsThatSystemAlone()
    {
        using var admin = emulator.RunnerFor("admin");

        var system = Assert.Single(Complete(admin, "Get-PSManagedSystem -Name web["));
        var found = admin.Run($"Get-PSManagedSystem -Name {system} | ForEach-Object SystemName").AssertSuccess();

        Assert.Equal("'web`[01`]'", system);
        Assert.Equal("web[01]", found.SingleValue);
    }

    [Fact]
    public void AssetName_ALiteralParameter_CompletesAsItIs_AndFindsThatAsset()
    {
        using var admin = emulator.RunnerFor("admin");

        var asset = Assert.Single(Complete(admin, "Get-PSAsset -WorkgroupName Brackets -Name web["));
        var found = admin.Run($"Get-PSAsset -WorkgroupName Brackets -Name {asset} | ForEach-Object AssetName").AssertSuccess();

        Assert.Equal("web[01]", asset);
        Assert.Equal("web[01]", found.SingleValue);
    }

    [Fact]
    public void BlockPSUser_RefusesPatterns_SoANameWithBracketsCompletesEscaped_AndNamesThatUserAlone()
    {
        using var admin = emulator.RunnerFor("admin");
        admin.SetVariable("AccountPassword", EmulatorFixture.Secure(AccountPassword));
        admin.Run("$null = New-PSUser -UserName 'ops[1]' -Password $AccountPassword -FirstName Ops -LastName One\n" +
                  "$null = New-PSUser -UserName 'ops1' -Password $AccountPassword -FirstName Ops -LastName Plain").AssertSuccess();

        var user = Assert.Single(Complete(admin, "Block-PSUser -UserName ops["));
        var whatIf = admin.Run($"Block-PSUser -UserName {user} -WhatIf").AssertSuccess();

        Assert.Equal("'ops`[1`]'", user);
        Assert.Contains(whatIf.HostWrites, line => line.Contains("(ops[1])", System.StringComparison.Ordinal));
        Assert.DoesNotContain(whatIf.HostWrites, line => line.Contains("(ops1)", System.StringComparison.Ordinal));
    }

    [Fact]
    public void AliasNameWithBrackets_GetPSManagedAccountAlias_CompletesEscaped_AndFindsThatAliasAlone()
    {
        using var demo = emulator.RunnerFor("demo");

        var alias = Assert.Single(Complete(demo, "Get-PSManagedAccountAlias -Name db["));
        var found = demo.Run($"Get-PSManagedAccountAlias -Name {alias} | ForEach-Object AliasName").AssertSuccess();
        // Typed without the escapes the name is a pattern, as -Name's help says: it matches dbe-sa, not itself.
        var pattern = demo.Run("Get-PSManagedAccountAlias -Name 'db[eu]-sa' | ForEach-Object AliasName").AssertSuccess();

        Assert.Equal("'db`[eu`]-sa'", alias);
        Assert.Equal("db[eu]-sa", found.SingleValue);
        Assert.Equal("dbe-sa", pattern.SingleValue);
    }

    [Fact]
    public void AliasNameWithBrackets_RequestingByName_IsLiteral_CompletesAsItIs_AndRequestsThroughThatAlias()
    {
        using var demo = emulator.RunnerFor("demo");

        var completed = Assert.Single(Complete(demo, "New-PSRequest -AliasName db["));
        var fromTheBlock = demo.Run($"Use-PSCredential -AliasName {completed} -Reason brackets {{ param($Credential) $Credential.UserName }}").AssertSuccess();
        var checkedIn = Assert.Single(emulator.State.ReleaseRequests);
        var request = demo.Run($"New-PSRequest -AliasName {completed} -Reason brackets").AssertSuccess().Output.Single();
        var piped = demo.Run("Get-PSManagedAccountAlias -Name 'db`[eu`]-sa' | New-PSRequest -Reason piped -ConflictOption Reuse").AssertSuccess().Output.Single();

        Assert.Equal("db[eu]-sa", completed.Trim('\''));
        Assert.Equal("rotating-svc", fromTheBlock.SingleValue);
        Assert.Equal((BracketAliasId, RequestStatus.CheckedIn), (checkedIn.AliasId, checkedIn.Status));
        Assert.Equal(("db[eu]-sa", BracketAliasId), ((string)request.Properties["AliasName"].Value, (int)request.Properties["AliasId"].Value));
        Assert.Equal(BracketAliasId, emulator.Request((int)request.Properties["RequestId"].Value).AliasId);
        Assert.Equal(request.Properties["RequestId"].Value, piped.Properties["RequestId"].Value);
    }
}
