using System.Linq;
using System.Management.Automation;
using System.Net;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>Get-PSManagedAccount -AccountId / -ManagedSystemId: the provisioning view of E5 (api-v3 §2.2).</summary>
public class ProvisioningViewTests
{
    private const string AccountJson = "{\"ManagedAccountID\":5,\"ManagedSystemID\":12,\"AccountName\":\"sa\",\"ApiEnabled\":false}";

    [Fact]
    public void E5_BySystemId_ReadsTheSystemsAccounts_WithTheNameFilter_AsSettings()
    {
        var server = new FakeAdminServer().Route("GET", @"ManagedSystems/12/ManagedAccounts\?name=sa", HttpStatusCode.OK, "[" + AccountJson + "]");
        using var ps = new AdminRunspace(server);

        var account = (ManagedAccountSettings)Assert.Single(ps.Invoke("Get-PSManagedAccount -ManagedSystemId 12 -AccountName sa")).BaseObject;

        Assert.Equal(5, account.AccountId);
        Assert.Equal(12, account.SystemId);
        Assert.False(account.ApiEnabled);
    }

    [Fact]
    public void E5_ByAccountId_WritesEachAccount_AndAMissingOneIsAnItemError()
    {
        var server = new FakeAdminServer()
            .Route("GET", "ManagedAccounts/5", HttpStatusCode.OK, AccountJson)
            .Route("GET", "ManagedAccounts/404", HttpStatusCode.NotFound, "\"Managed Account not found\"");
        using var ps = new AdminRunspace(server);

        var (output, shell) = ps.Run("Get-PSManagedAccount -AccountId 404, 5");
        using (shell)
        {
            Assert.Equal(5, ((ManagedAccountSettings)Assert.Single(output).BaseObject).AccountId);
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("ObjectNotFound,PasswordSafe.Commands.GetPSManagedAccountCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("404", error.TargetObject?.ToString());
        }
    }

    [Fact]
    public void E5_ProvisioningObjects_PipeIntoRemove_WhatIfSendsNothing()
    {
        var server = new FakeAdminServer().Route("GET", "ManagedSystems/12/ManagedAccounts", HttpStatusCode.OK, "[" + AccountJson + "]");
        using var ps = new AdminRunspace(server);

        ps.Invoke("Get-PSManagedAccount -ManagedSystemId 12 | Remove-PSManagedAccount -WhatIf");

        Assert.Empty(server.Changes());
    }

    [Fact]
    public void E5_FirstAndSkip_ApplyToTheProvisioningView()
    {
        var accounts = string.Join(",", Enumerable.Range(1, 5).Select(i => $"{{\"ManagedAccountID\":{i},\"ManagedSystemID\":12,\"AccountName\":\"a{i}\"}}"));
        var server = new FakeAdminServer().Route("GET", "ManagedSystems/12/ManagedAccounts", HttpStatusCode.OK, "[" + accounts + "]");
        using var ps = new AdminRunspace(server);

        var ids = ps.Invoke("Get-PSManagedAccount -ManagedSystemId 12 -Skip 1 -First 2").Select(o => ((ManagedAccountSettings)o.BaseObject).AccountId);

        Assert.Equal(new[] { 2, 3 }, ids);
    }
}
