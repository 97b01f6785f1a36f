using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text.Json;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>The admin cmdlets as users type them, against a scripted server: pipelines, ShouldProcess, errors and secrets.</summary>
public class AdminCmdletTests
{
    private const string RegistrationJson = "{\"Id\":4,\"Name\":\"Web\",\"RegistrationType\":\"ApiKeyPolicy\",\"Active\":true,\"Visible\":true,"
        + "\"MultiFactorAuthenticationEnforced\":true,\"IPAuthenticationRules\":[{\"Type\":\"IPAddress\",\"Value\":\"10.0.0.5\"}],"
        + "\"XForwardedForAuthenticationRules\":[],\"PSRUNRules\":[]}";

    private static string AppUserJson(string secret) =>
        "{\"UserID\":9,\"UserName\":\"ci-bot\",\"UserType\":\"Application\",\"ClientID\":\"client-9\",\"ClientSecret\":\"" + secret
        + "\",\"AccessPolicyID\":2,\"ClientSecretExpiryDate\":\"2027-01-02T03:04:05\",\"IsActive\":true}";

    [Fact]
    public void A1_NewApiRegistration_SendsMfaOnByDefault_AndReturnsTheModel()
    {
        var server = new FakeAdminServer().Route("POST", "ApiRegistrations", HttpStatusCode.Created, RegistrationJson);
        using var ps = new AdminRunspace(server);

        var created = (ApiRegistration)Assert.Single(ps.Invoke("New-PSApiRegistration -Name Web -IPRule '10.0.0.5', @{ Value = 'fd00::/64'; Description = 'v6' }")).BaseObject;

        Assert.Equal(4, created.RegistrationId);
        Assert.Equal("10.0.0.5", Assert.Single(created.IPAuthenticationRules).Value);
        Assert.Same(ps.Session, created.Session);
        var body = JsonDocument.Parse(Assert.Single(server.Calls("POST", "ApiRegistrations")).Body!).RootElement;
        Assert.True(body.GetProperty("MultiFactorAuthenticationEnforced").GetBoolean());
        Assert.Equal("CIDR", body.GetProperty("IPAuthenticationRules")[1].GetProperty("Type").GetString());
        Assert.Equal("v6", body.GetProperty("IPAuthenticationRules")[1].GetProperty("Description").GetString());
    }

    [Fact]
    public void A3_BadRule_IsAValidationError_NamingIt_AndNothingIsSent()
    {
        var server = new FakeAdminServer();
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("New-PSApiRegistration -Name Web -IPRule '10.0.0.9-10.0.0.1'");
        using (shell)
        {
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("ValidationFailed,PasswordSafe.Commands.NewPSApiRegistrationCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("'10.0.0.9-10.0.0.1'", error.ErrorDetails.Message);
            Assert.Equal("Web", error.TargetObject);
        }

        Assert.Empty(server.Changes());
    }

    [Fact]
    public void A4_SetApiRegistration_RefusesMovingAnIpRuleToXff_BeforeSending()
    {
        var server = new FakeAdminServer().Route("GET", "ApiRegistrations/4", HttpStatusCode.OK, RegistrationJson);
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("Get-PSApiRegistration -RegistrationId 4 | Set-PSApiRegistration -IPRule '10.0.0.6' -XForwardedForRule '10.0.0.5'");
        using (shell)
        {
            Assert.Contains("cannot change from IP to X-Forwarded-For", Assert.Single(shell.Streams.Error).Exception.Message);
        }

        Assert.Empty(server.Changes());
    }

    [Fact]
    public void SetApiRegistration_ChangesOnlyWhatWasGiven()
    {
        var server = new FakeAdminServer()
            .Route("GET", "ApiRegistrations/4", HttpStatusCode.OK, RegistrationJson)
            .Route("PUT", "ApiRegistrations/4", HttpStatusCode.OK, RegistrationJson);
        using var ps = new AdminRunspace(server);

        ps.Invoke("Get-PSApiRegistration -RegistrationId 4 | Set-PSApiRegistration -MultiFactorAuthentication $false -ClientCertificateRequired -Force");

        var body = JsonDocument.Parse(Assert.Single(server.Calls("PUT", "ApiRegistrations/4")).Body!).RootElement;
        Assert.False(body.GetProperty("MultiFactorAuthenticationEnforced").GetBoolean());
        Assert.True(body.GetProperty("ClientCertificateRequired").GetBoolean());
        Assert.Equal("Web", body.GetProperty("Name").GetString());
        Assert.Equal("10.0.0.5", body.GetProperty("IPAuthenticationRules")[0].GetProperty("Value").GetString());
    }

    [Fact]
    public void A6_GetKey_IsASecureString_PlainOnlyWhenAsked_AndNeverLogged()
    {
        var server = new FakeAdminServer().Route("GET", "ApiRegistrations/4/Key", HttpStatusCode.OK, "\"" + FakeAdminServer.ApiKey + "\"");
        using var ps = new AdminRunspace(server);

        var (output, shell) = ps.Run("Get-PSApiRegistrationKey -RegistrationId 4; Get-PSApiRegistrationKey 4 -AsPlainText");
        using (shell)
        {
            Assert.IsType<SecureString>(output[0].BaseObject);
            Assert.Equal(FakeAdminServer.ApiKey, new NetworkCredential(string.Empty, (SecureString)output[0].BaseObject).Password);
            Assert.Equal(FakeAdminServer.ApiKey, output[1].BaseObject);
            Assert.NotEmpty(shell.Streams.Debug);
            Assert.DoesNotContain(FakeAdminServer.ApiKey, AdminRunspace.AllLogText(shell));
        }
    }

    [Fact]
    public void A6_ResetKey_WithForce_ReturnsNewKey_AndWarnsAbout401()
    {
        var server = new FakeAdminServer().Route("POST", "ApiRegistrations/4/Rotate", HttpStatusCode.Created, "\"" + FakeAdminServer.ApiKey + "\"");
        using var ps = new AdminRunspace(server);

        var (output, shell) = ps.Run("Reset-PSApiRegistrationKey -RegistrationId 4 -Force");
        using (shell)
        {
            Assert.IsType<SecureString>(Assert.Single(output).BaseObject);
            Assert.Contains("401", Assert.Single(shell.Streams.Warning).Message);
            Assert.DoesNotContain(FakeAdminServer.ApiKey, AdminRunspace.AllLogText(shell));
        }

        Assert.Equal("{}", Assert.Single(server.Calls("POST", "ApiRegistrations/4/Rotate")).Body);
    }

    [Fact]
    public void HighImpact_WithoutForce_AsksFirst_SoANonInteractiveHostChangesNothing()
    {
        var server = new FakeAdminServer().Route("POST", "ApiRegistrations/4/Rotate", HttpStatusCode.Created, "\"k\"");
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("Reset-PSApiRegistrationKey -RegistrationId 4");
        shell.Dispose();

        Assert.Empty(server.Changes());
    }

    [Fact]
    public void WhatIf_ChangesNothing_EvenWithForce()
    {
        var server = new FakeAdminServer()
            .Route("GET", "ApiRegistrations/4", HttpStatusCode.OK, RegistrationJson)
            .Route("GET", "Users/9", HttpStatusCode.OK, AppUserJson("x"))
            .Route("GET", "UserGroups/3/SmartRules", HttpStatusCode.OK, "[]");
        using var ps = new AdminRunspace(server);

        ps.Invoke("New-PSApiRegistration -Name X -IPRule 10.0.0.1 -WhatIf; Set-PSApiRegistration -RegistrationId 4 -Active $false -WhatIf; "
            + "Remove-PSApiRegistration 4 -Force -WhatIf; Reset-PSApiRegistrationKey 4 -Force -WhatIf; Reset-PSClientSecret 9 -Force -WhatIf; "
            + "New-PSUser -ApplicationUser -UserName bot -AccessPolicyId 2 -WhatIf; Remove-PSUser 9 -WhatIf; Add-PSUserGroupMember -GroupId 3 -UserId 9 -WhatIf; "
            + "New-PSAsset -WorkgroupName W -IPAddress 10.0.0.1 -WhatIf; New-PSManagedAccount -ManagedSystemId 8 -AccountName sa -AutoManagement -WhatIf; "
            + "Set-PSManagedAccountCredential -AccountId 12 -WhatIf; Start-PSManagedAccountPasswordChange 12 -WhatIf; New-PSQuickRule -Title T -AccountId 12 -WhatIf; "
            + "Grant-PSUserGroupRole -GroupId 3 -SmartRuleId 5 -RoleId 1 -WhatIf; Remove-PSManagedAccount 12 -WhatIf");

        Assert.Empty(server.Changes());
    }

    [Fact]
    public void C2_NewApplicationUser_ReturnsClientCredentialOnce_WithExpiry_AndNoSecretInAnyLog()
    {
        var server = new FakeAdminServer().Route("POST", "Users", HttpStatusCode.Created, AppUserJson(FakeAdminServer.ClientSecret));
        using var ps = new AdminRunspace(server);

        var (output, shell) = ps.Run("New-PSUser -ApplicationUser -UserName ci-bot -AccessPolicyId 2");
        using (shell)
        {
            Assert.Empty(shell.Streams.Error);
            var user = (User)Assert.Single(output).BaseObject;
            Assert.Equal("client-9", user.ClientCredential!.UserName);
            Assert.Equal(FakeAdminServer.ClientSecret, user.ClientCredential.GetNetworkCredential().Password);
            Assert.Equal(2027, user.ClientSecretExpiryDate!.Value.Year);
            Assert.Equal(2, user.AccessPolicyId);
            Assert.DoesNotContain(FakeAdminServer.ClientSecret, AdminRunspace.AllLogText(shell));
            Assert.DoesNotContain(FakeAdminServer.ClientSecret, string.Join(" ", PSObject.AsPSObject(user).Properties.Select(p => p.Value?.ToString())));
        }

        var body = JsonDocument.Parse(Assert.Single(server.Calls("POST", "Users")).Body!).RootElement;
        Assert.Equal("Application", body.GetProperty("UserType").GetString());
        Assert.Equal(2, body.GetProperty("AccessPolicyID").GetInt32());
    }

    [Fact]
    public void NewBeyondInsightUser_PasswordIsSent_ButNeverLogged()
    {
        const string password = "Us3r-Passw0rd-XYZ";
        var server = new FakeAdminServer().Route("POST", "Users", HttpStatusCode.Created, "{\"UserID\":5,\"UserName\":\"jsmith\",\"UserType\":\"BeyondInsight\"}");
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("New-PSUser -UserName jsmith -FirstName Jane -Password ([System.Net.NetworkCredential]::new('', $args[0]).SecurePassword)", password);
        using (shell)
        {
            Assert.Empty(shell.Streams.Error);
            Assert.DoesNotContain(password, AdminRunspace.AllLogText(shell));
        }

        Assert.Contains(password, Assert.Single(server.Calls("POST", "Users")).Body);
    }

    [Fact]
    public void NewUser_TooLongName_FailsBeforeSending()
    {
        var server = new FakeAdminServer();
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("New-PSUser -ApplicationUser -UserName $args[0] -AccessPolicyId 2", new string('x', 65));
        using (shell)
        {
            Assert.Contains("at most 64", Assert.Single(shell.Streams.Error).Exception.Message);
        }

        Assert.Empty(server.Changes());
    }

    [Fact]
    public void C5_ResetClientSecret_ReturnsNewCredential_NeverLogged()
    {
        const string newSecret = "N3w-Secret-after-recycle";
        var server = new FakeAdminServer()
            .Route("GET", "Users", HttpStatusCode.OK, "[" + AppUserJson("") .Replace(",\"ClientSecret\":\"\"", string.Empty) + "]")
            .Route("POST", "Users/9/RecycleClientSecret", HttpStatusCode.Created, AppUserJson(newSecret));
        using var ps = new AdminRunspace(server);

        var (output, shell) = ps.Run("Get-PSUser -UserName ci-bot | Reset-PSClientSecret -Force");
        using (shell)
        {
            var user = (User)Assert.Single(output).BaseObject;
            Assert.Equal(newSecret, user.ClientCredential!.GetNetworkCredential().Password);
            Assert.Contains("no longer works", Assert.Single(shell.Streams.Warning).Message);
            Assert.DoesNotContain(newSecret, AdminRunspace.AllLogText(shell));
        }

        Assert.Contains("username=ci-bot", Assert.Single(server.Calls("GET", "Users.*")).Uri.Query);
    }

    [Fact]
    public void GetUser_PipedTo_AddUserGroupMember()
    {
        var server = new FakeAdminServer()
            .Route("GET", "Users", HttpStatusCode.OK, "[" + AppUserJson("") + "]")
            .Route("POST", "Users/9/UserGroups/3", HttpStatusCode.Created, null);
        using var ps = new AdminRunspace(server);

        ps.Invoke("Get-PSUser -UserName ci-bot | Add-PSUserGroupMember -GroupId 3");

        Assert.Single(server.Calls("POST", "Users/9/UserGroups/3"));
    }

    [Fact]
    public void Error403_IsPermissionDenied_NamingTheLikelyPermission()
    {
        var server = new FakeAdminServer().Route("DELETE", "Users/9", HttpStatusCode.Forbidden, "4031");
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("Remove-PSUser -UserId 9 -Force");
        using (shell)
        {
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("PermissionDenied,PasswordSafe.Commands.RemovePSUserCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("User Accounts Management", error.ErrorDetails.Message + " " + error.ErrorDetails.RecommendedAction);
            Assert.Contains("4031", error.ErrorDetails.Message);
            Assert.Equal(9, error.TargetObject);
        }
    }

    [Fact]
    public void Error404_IsObjectNotFound_PerItem_AndThePipelineGoesOn()
    {
        var server = new FakeAdminServer()
            .Route("DELETE", "ManagedAccounts/1", HttpStatusCode.OK, null)
            .Route("DELETE", "ManagedAccounts/2", HttpStatusCode.NotFound, "\"Managed Account not found\"")
            .Route("DELETE", "ManagedAccounts/3", HttpStatusCode.NoContent, null);
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("1, 2, 3 | ForEach-Object { [pscustomobject]@{ ManagedAccountID = $_ } } | Remove-PSManagedAccount -Force");
        using (shell)
        {
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("Managed account 2 was not found", error.ErrorDetails.Message);
            Assert.Equal(2, error.TargetObject);
        }

        Assert.Equal(3, server.Calls("DELETE", "ManagedAccounts/\\d").Count());
    }

    [Fact]
    public void Error400_IsValidationFailed_WithTheServersReason()
    {
        var server = new FakeAdminServer().Route("POST", "Workgroups/W/Assets", HttpStatusCode.BadRequest, "\"An Asset by that name already exists\"");
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("New-PSAsset -WorkgroupName W -IPAddress 10.0.0.1 -AssetName db01");
        using (shell)
        {
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("ValidationFailed,PasswordSafe.Commands.NewPSAssetCommand", error.FullyQualifiedErrorId);
            Assert.Contains("An Asset by that name already exists", error.ErrorDetails.Message);
        }
    }

    [Fact]
    public void E5_ProvisioningChain_AsOnePipelineFriendlyScript()
    {
        var server = new FakeAdminServer()
            .Route("POST", "Workgroups", HttpStatusCode.Created, "{\"OrganizationID\":\"o-1\",\"ID\":7,\"Name\":\"DC-A\"}")
            .Route("POST", "Workgroups/7/Assets", HttpStatusCode.Created, "{\"AssetID\":5,\"WorkgroupID\":7,\"AssetName\":\"db01\",\"IPAddress\":\"10.1.2.3\"}")
            .Route("POST", "Assets/5/ManagedSystems", HttpStatusCode.Created, "{\"ManagedSystemID\":8,\"AssetID\":5,\"SystemName\":\"db01\",\"PlatformID\":2}")
            .Route("POST", "ManagedSystems/8/ManagedAccounts", HttpStatusCode.Created, "{\"ManagedAccountID\":12,\"ManagedSystemID\":8,\"AccountName\":\"sa\"}")
            .Route("POST", "QuickRules", HttpStatusCode.Created, "{\"SmartRuleID\":40,\"Title\":\"db01 accounts\",\"RuleType\":\"ManagedAccount\"}")
            .Route("POST", "UserGroups", HttpStatusCode.Created, "{\"GroupID\":3,\"Name\":\"DB admins\",\"GroupType\":\"BeyondInsight\"}")
            .Route("GET", "Roles", HttpStatusCode.OK, "[{\"RoleID\":1,\"Name\":\"Requestor\"},{\"RoleID\":2,\"Name\":\"Approver\"},{\"RoleID\":3,\"Name\":\"Requestor/Approver\"}]")
            .Route("GET", "UserGroups/3/SmartRules", HttpStatusCode.OK, "[]") // a new group holds no roles yet
            .Route("POST", "UserGroups/3/SmartRules/40/Roles", HttpStatusCode.NoContent, null);
        using var ps = new AdminRunspace(server);

        ps.Invoke(@"
            $account = New-PSWorkgroup -Name DC-A | New-PSAsset -IPAddress 10.1.2.3 -AssetName db01 |
                New-PSManagedSystem -PlatformId 2 -ReleaseDuration 60 -MaxReleaseDuration 120 |
                New-PSManagedAccount -AccountName sa -Password ([System.Net.NetworkCredential]::new('', 'Acc0unt-pw').SecurePassword) -ApiEnabled
            $group = New-PSUserGroup -Name 'DB admins' -ApplicationRegistrationId 1
            $account | New-PSQuickRule -Title 'db01 accounts' | Grant-PSUserGroupRole -GroupId $group.GroupId -Role Requestor, Approver -AccessPolicyId 1 -Force");

        var system = Assert.Single(server.Calls("POST", "Assets/5/ManagedSystems"));
        Assert.Equal("?version=3.0", system.Uri.Query);
        var account = Assert.Single(server.Calls("POST", "ManagedSystems/8/ManagedAccounts"));
        Assert.Equal("?version=3.0", account.Uri.Query);
        Assert.True(JsonDocument.Parse(account.Body!).RootElement.GetProperty("ApiEnabled").GetBoolean());
        Assert.Equal("[12]", JsonDocument.Parse(Assert.Single(server.Calls("POST", "QuickRules")).Body!).RootElement.GetProperty("AccountIDs").GetRawText());
        var grant = JsonDocument.Parse(Assert.Single(server.Calls("POST", "UserGroups/3/SmartRules/40/Roles")).Body!).RootElement;
        Assert.Equal("[{\"RoleID\":1},{\"RoleID\":2}]", grant.GetProperty("Roles").GetRawText());
        Assert.Equal(1, grant.GetProperty("AccessPolicyID").GetInt32());
    }

    [Fact]
    public void SetManagedAccount_BindsAccountIdFromPipedAccounts_AndKeepsCurrentValues()
    {
        var server = new FakeAdminServer()
            .Route("GET", "ManagedAccounts/12", HttpStatusCode.OK, "{\"ManagedAccountID\":12,\"ManagedSystemID\":8,\"AccountName\":\"sa\",\"Description\":\"old\",\"ReleaseDuration\":30,\"MaxReleaseDuration\":60}")
            .Route("PUT", "ManagedAccounts/12", HttpStatusCode.OK, "{\"ManagedAccountID\":12,\"ManagedSystemID\":8,\"AccountName\":\"sa\",\"Description\":\"new\"}");
        using var ps = new AdminRunspace(server);

        var updated = (ManagedAccountSettings)Assert.Single(ps.Invoke("[pscustomobject]@{ AccountId = 12 } | Set-PSManagedAccount -Description new -PassThru")).BaseObject;

        Assert.Equal("new", updated.Description);
        var put = Assert.Single(server.Calls("PUT", "ManagedAccounts/12"));
        Assert.Equal(string.Empty, put.Uri.Query);
        var body = JsonDocument.Parse(put.Body!).RootElement;
        Assert.Equal("sa", body.GetProperty("AccountName").GetString());
        Assert.Equal(30, body.GetProperty("ReleaseDuration").GetInt32());
    }

    [Fact]
    public void SetManagedAccount_ReleaseDurationAboveCurrentMax_IsRefused()
    {
        var server = new FakeAdminServer()
            .Route("GET", "ManagedAccounts/12", HttpStatusCode.OK, "{\"ManagedAccountID\":12,\"AccountName\":\"sa\",\"MaxReleaseDuration\":60}");
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("Set-PSManagedAccount -AccountId 12 -ReleaseDuration 90");
        using (shell)
        {
            Assert.Contains("greater than -MaxReleaseDuration", Assert.Single(shell.Streams.Error).Exception.Message);
        }

        Assert.Empty(server.Changes());
    }

    [Fact]
    public void Credentials_Set_Change_Test()
    {
        const string password = "N3w-Acc0unt-Pass";
        var server = new FakeAdminServer()
            .Route("PUT", "ManagedAccounts/12/Credentials", HttpStatusCode.NoContent, null)
            .Route("POST", "ManagedAccounts/12/Credentials/Change", HttpStatusCode.NoContent, null)
            .Route("POST", "ManagedAccounts/12/Credentials/Test", HttpStatusCode.OK, "{\"Success\":true}");
        using var ps = new AdminRunspace(server);

        var (output, shell) = ps.Run(
            "Set-PSManagedAccountCredential -AccountId 12 -Password ([System.Net.NetworkCredential]::new('', $args[0]).SecurePassword) -Force; "
            + "Set-PSManagedAccountCredential -AccountId 12 -UpdateSystem $false -Force; Start-PSManagedAccountPasswordChange -AccountId 12 -Queue; Test-PSManagedAccountCredential 12", password);
        using (shell)
        {
            Assert.Empty(shell.Streams.Error);
            Assert.True((bool)Assert.Single(output).BaseObject);
            Assert.DoesNotContain(password, AdminRunspace.AllLogText(shell));
        }

        var sets = server.Calls("PUT", "ManagedAccounts/12/Credentials").ToList();
        Assert.Equal(password, JsonDocument.Parse(sets[0].Body!).RootElement.GetProperty("Password").GetString());
        Assert.True(JsonDocument.Parse(sets[0].Body!).RootElement.GetProperty("UpdateSystem").GetBoolean());
        Assert.False(JsonDocument.Parse(sets[1].Body!).RootElement.TryGetProperty("Password", out _));
        Assert.Equal("{\"Queue\":true}", Assert.Single(server.Calls("POST", "ManagedAccounts/12/Credentials/Change")).Body);
    }

    [Fact]
    public void GetApiRegistration_ByName_WildcardsAndNotFound()
    {
        var server = new FakeAdminServer().Route("GET", "ApiRegistrations", HttpStatusCode.OK, "[" + RegistrationJson + ",{\"Id\":5,\"Name\":\"Automation\",\"RegistrationType\":\"ApiAccessPolicy\",\"AccessTokenDuration\":60}]");
        using var ps = new AdminRunspace(server);

        Assert.Equal(5, ((ApiRegistration)Assert.Single(ps.Invoke("Get-PSApiRegistration -Name auto*")).BaseObject).RegistrationId);
        Assert.Equal(2, ps.Invoke("Get-PSApiRegistration").Count);
        var (_, shell) = ps.Run("Get-PSApiRegistration -Name Missing");
        using (shell)
        {
            Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(shell.Streams.Error).CategoryInfo.Category);
        }
    }

    [Fact]
    public void GrantRole_UnknownRoleName_FailsBeforeGranting()
    {
        var server = new FakeAdminServer().Route("GET", "Roles", HttpStatusCode.OK, "[{\"RoleID\":1,\"Name\":\"Requestor\"}]");
        using var ps = new AdminRunspace(server);

        var (_, shell) = ps.Run("Grant-PSUserGroupRole -GroupId 3 -SmartRuleId 5 -Role Owner -Force");
        using (shell)
        {
            Assert.Contains("'Owner'", Assert.Single(shell.Streams.Error).Exception.Message);
        }

        Assert.Empty(server.Changes());
    }

    [Fact]
    public void NewManagedAccount_LaterVersionField_GoesToTheMatchingVersion()
    {
        var server = new FakeAdminServer().Route("POST", "ManagedSystems/8/ManagedAccounts", HttpStatusCode.Created, "{\"ManagedAccountID\":12,\"ManagedSystemID\":8,\"AccountName\":\"sa\"}");
        using var ps = new AdminRunspace(server);

        ps.Invoke("New-PSManagedAccount -SystemId 8 -AccountName sa -AutoManagement -WorkgroupId 7");

        Assert.Equal("?version=3.3", Assert.Single(server.Calls("POST", "ManagedSystems/8/ManagedAccounts")).Uri.Query);
    }
}
