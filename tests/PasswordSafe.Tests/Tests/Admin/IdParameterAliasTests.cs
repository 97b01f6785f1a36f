using System;
using System.Collections.Generic;
using System.Linq;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Every admin Get-/Set-/Remove- cmdlet takes its id parameter under the same aliases: <c>Id</c>, and the short form users
/// type (<c>SystemId</c> for ManagedSystemId), as psPAS does. The aliases make no parameter prefix ambiguous that was
/// unique without them, so what users typed before still binds. Typed and in CSV-like rows they reach the same object.
/// </summary>
public sealed class IdParameterAliasTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public IdParameterAliasTests(CheckoutEmulator emulator) => this.emulator = emulator;

    public static TheoryData<string, string, string> IdParameters => new()
    {
        { "Get-PSUser", "UserId", "Id" },
        { "Set-PSUser", "UserId", "Id" },
        { "Remove-PSUser", "UserId", "Id" },
        { "Get-PSUserGroup", "GroupId", "Id" },
        { "Remove-PSUserGroup", "GroupId", "Id" },
        { "Get-PSApiRegistration", "RegistrationId", "Id,ApplicationRegistrationIds" },
        { "Set-PSApiRegistration", "RegistrationId", "Id" },
        { "Remove-PSApiRegistration", "RegistrationId", "Id" },
        { "Get-PSManagedSystem", "ManagedSystemId", "SystemId,Id" },
        { "Set-PSManagedSystem", "ManagedSystemId", "SystemId,Id" },
        // No SystemId on Remove: accounts, requests and tickets carry SystemId, and piping one must not remove its system.
        { "Remove-PSManagedSystem", "ManagedSystemId", "Id" },
        { "Set-PSManagedAccount", "AccountId", "ManagedAccountID,Id" },
        { "Remove-PSManagedAccount", "AccountId", "ManagedAccountID,Id" },
        { "Get-PSAsset", "AssetId", "Id" },
        { "Set-PSAsset", "AssetId", "Id" },
        { "Remove-PSAsset", "AssetId", "Id" },
        { "Get-PSWorkgroup", "WorkgroupId", "Id" },
        { "Get-PSSmartRule", "SmartRuleId", "Id" },
        { "Get-PSQuickRule", "SmartRuleId", "QuickRuleId,Id" },
        { "Get-PSPlatform", "PlatformId", "Id" },
        { "Get-PSPermission", "PermissionId", "Id" },
    };

    [Theory]
    [MemberData(nameof(IdParameters))]
    public void IdParameter_HasTheAliases_AndNoPrefixUniqueWithoutThemBecomesAmbiguous(string cmdlet, string idParameter, string aliases)
    {
        using var shell = PowerShellRunner.Start(interactive: false);
        var parameters = shell.Run($"(Get-Command {cmdlet}).Parameters.Values | ForEach-Object {{ $_.Name + '=' + ($_.Aliases -join ',') }}")
            .AssertSuccess().Output.Select(o => o.ToString().Split('='))
            .ToDictionary(p => p[0], p => p[1].Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        var wanted = aliases.Split(',');

        Assert.Equal(wanted.OrderBy(a => a, StringComparer.OrdinalIgnoreCase), parameters[idParameter].OrderBy(a => a, StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);

        // Every other parameter name: a prefix of it that names it alone when the id parameter is only its own name still
        // names it alone with the aliases.
        var withoutAliases = parameters.SelectMany(p => p.Key == idParameter ? new[] { p.Key } : p.Value.Append(p.Key).ToArray(),
            (p, name) => (Parameter: p.Key, Name: name)).ToList();
        foreach (var other in parameters.Keys.Where(k => !string.Equals(k, idParameter, StringComparison.OrdinalIgnoreCase)))
        {
            for (var length = 1; length <= other.Length; length++)
            {
                var prefix = other[..length];
                var named = withoutAliases.Where(n => n.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(n => n.Parameter).Distinct().ToList();
                if (named.Count == 1 && !OneLetterSessionBeforeSystemId(cmdlet, prefix))
                {
                    Assert.DoesNotContain(wanted, a => a.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
                }
            }
        }
    }

    /// <summary>
    /// The one prefix SystemId takes: "-S" alone named -Session on Get-PSManagedSystem before SystemId was its alias, and
    /// on Remove-PSManagedSystem; -Se still does. Set-PSManagedSystem's "-S" was ambiguous already.
    /// </summary>
    private static bool OneLetterSessionBeforeSystemId(string cmdlet, string prefix) =>
        cmdlet is "Get-PSManagedSystem" && string.Equals(prefix, "S", StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("Remove-PSUserGroup -Id 3 -WhatIf", "user group 3")]
    [InlineData("Remove-PSManagedSystem -Id 1 -WhatIf", "managed system 1")]
    [InlineData("Set-PSManagedSystem -SystemId 1 -Description 'alias' -WhatIf", "managed system 1 (web01)")]
    [InlineData("Remove-PSAsset -Id $AssetId -WhatIf", "asset ")]
    [InlineData("Set-PSAsset -Id $AssetId -Description 'alias' -WhatIf", "asset ")]
    [InlineData("[pscustomobject]@{ Id = 1 } | Remove-PSManagedSystem -WhatIf", "managed system 1")]
    [InlineData("[pscustomobject]@{ Id = 3 } | Remove-PSUserGroup -WhatIf", "user group 3")]
    public void TypedOrInARow_TheAliasReachesTheObject(string command, string target)
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run(command).AssertSuccess();

        Assert.Contains(result.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("target \"" + target, StringComparison.Ordinal));
        before.AssertUnchanged(emulator.State, command);
    }

    [Theory]
    [InlineData("Get-PSManagedSystem -Id 1", "web01")]
    [InlineData("Get-PSUserGroup -Id 3", "Outsiders")]
    [InlineData("Get-PSSmartRule -Id 1", "Servers")]
    public void Get_ByTheIdAlias_FindsTheObject(string command, string name)
    {
        using var admin = AdminShell();

        var found = admin.Run(command).AssertSuccess().Output.Single();

        Assert.Equal(name, found.ToString());
    }

    [Fact]
    public void PipedManagedAccount_RemovePSManagedSystem_DoesNotRemoveItsSystem()
    {
        // An account carries its SystemId; Remove-PSManagedSystem has no SystemId alias, so piping an account removes nothing.
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var removed = admin.Run("Get-PSManagedAccount -AccountId 1 | Remove-PSManagedSystem -Force");

        Assert.DoesNotContain(removed.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal));
        Assert.NotEmpty(removed.Errors);
        before.AssertUnchanged(emulator.State, "Get-PSManagedAccount | Remove-PSManagedSystem -Force");
    }

    [Theory]
    [InlineData("Remove-PSUser")]
    [InlineData("Remove-PSUserGroup")]
    [InlineData("Remove-PSManagedSystem")]
    [InlineData("Remove-PSAsset")]
    public void PipedPasswordSafeSession_GivesOnlyItsSession_NeverItsIdAsTheObjectToRemove(string cmdlet)
    {
        // A session's Id (1, 2, ...) would otherwise bind through the Id alias and remove user, group or system 1.
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run($"Get-PasswordSafeSession | {cmdlet} -Force");

        var error = result.AssertError("InputNotUsable", System.Management.Automation.ErrorCategory.InvalidArgument);
        Assert.Contains("gives " + cmdlet + " only -Session", ErrorText.Shown(error));
        before.AssertUnchanged(emulator.State, cmdlet);
    }

    private PowerShellRunner AdminShell()
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        var asset = emulator.State.Assets.FirstOrDefault(a => a.AssetName == "alias-asset");
        if (asset == null)
        {
            admin.Run("$null = New-PSAsset -WorkgroupName 'Default Workgroup' -IPAddress '10.9.9.31' -AssetName 'alias-asset'").AssertSuccess();
            asset = emulator.State.Assets.Single(a => a.AssetName == "alias-asset");
        }

        admin.SetVariable("AssetId", asset.AssetId);
        return admin;
    }
}
