using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Names with wildcard characters, completed through TabExpansion2 as the console asks and then run as completed: the
/// systems web[01], web0 and web1 (which the pattern web[01] matches) with an account each, requestable by demo's group
/// (Requestors, 10). Where the parameter reads wildcards Tab inserts 'web`[01`]', which finds web[01] alone; where it
/// takes the name literally it inserts the name as it is.
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
        "Grant-PSUserGroupRole -GroupId 10 -SmartRuleId $rule.SmartRuleId -Role Requestor -AccessPolicyId 1 | Out-Null";

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync()
    {
        emulator = await CheckoutEmulator.StartAsync();
        using var admin = emulator.RunnerFor("admin");
        admin.SetVariable("AccountPassword", EmulatorFixture.Secure(AccountPassword));
        admin.Run(Setup).AssertSuccess();
    }

    public Task DisposeAsync() => emulator.DisposeAsync();

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
}
