using System;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// A checkout emulator with a small provisioned lab on top of the seed, built once through the module as an
/// administrator would: workgroup "Lab" with assets lab1–lab3, managed systems on lab1 and lab2 (lab3 is unmanaged), an
/// account on each, and quick rule "lab rule" over lab1's account. The seed's own eight systems and many accounts are
/// what a piped object must not list.
/// </summary>
public sealed class LabProvisioning : IAsyncLifetime
{
    public const string AccountPassword = "Lab-Acct-Pa55-hQ7zW2";

    private const string Setup =
        "$wg = New-PSWorkgroup -Name 'Lab'\n" +
        "$lab1 = $wg | New-PSAsset -IPAddress '10.8.0.1' -AssetName 'lab1'\n" +
        "$lab2 = $wg | New-PSAsset -IPAddress '10.8.0.2' -AssetName 'lab2'\n" +
        "$lab3 = $wg | New-PSAsset -IPAddress '10.8.0.3' -AssetName 'lab3'\n" +
        "$sys1 = $lab1 | New-PSManagedSystem -PlatformId 1\n" +
        "$sys2 = $lab2 | New-PSManagedSystem -PlatformId 1\n" +
        "$acct1 = $sys1 | New-PSManagedAccount -AccountName 'lab-svc1' -Password $LabPassword -ApiEnabled\n" +
        "$acct2 = $sys2 | New-PSManagedAccount -AccountName 'lab-svc2' -Password $LabPassword\n" +
        "$rule = $acct1 | New-PSQuickRule -Title 'lab rule'\n" +
        "$wg.WorkgroupId, $lab1.AssetId, $lab2.AssetId, $lab3.AssetId, $sys1.ManagedSystemId, $sys2.ManagedSystemId, " +
        "$acct1.AccountId, $acct2.AccountId, $rule.SmartRuleId";

    public CheckoutEmulator Emulator { get; } = new();

    public int WorkgroupId { get; private set; }

    public int[] AssetIds { get; private set; } = Array.Empty<int>();

    public int[] SystemIds { get; private set; } = Array.Empty<int>();

    public int[] AccountIds { get; private set; } = Array.Empty<int>();

    public int QuickRuleId { get; private set; }

    public async Task InitializeAsync()
    {
        await Emulator.InitializeAsync();
        using var admin = Admin();
        var ids = admin.Run(Setup).AssertSuccess().Output;
        int Id(int index) => (int)ids[index].BaseObject;
        WorkgroupId = Id(0);
        AssetIds = new[] { Id(1), Id(2), Id(3) };
        SystemIds = new[] { Id(4), Id(5) };
        AccountIds = new[] { Id(6), Id(7) };
        QuickRuleId = Id(8);
    }

    /// <summary>A runspace signed in as the seed's administrator (the default session), with $LabPassword set.</summary>
    public PowerShellRunner Admin(bool interactive = false)
    {
        var admin = Emulator.NewRunner(interactive);
        Emulator.Connect(admin, "admin");
        admin.SetVariable("LabPassword", EmulatorFixture.Secure(AccountPassword));
        return admin;
    }

    public Task DisposeAsync() => Emulator.DisposeAsync();
}
