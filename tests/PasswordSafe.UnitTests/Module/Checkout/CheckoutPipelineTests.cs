using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Text.Json;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>E1 as users type it: accounts → requests → credentials → check-in, all bound by property name.</summary>
public class CheckoutPipelineTests
{
    [Fact]
    public void E1_AccountToRequestToCredential_Pipeline()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var output = ps.Invoke("Get-PSManagedAccount -SystemName srv1 -AccountName admin1 | New-PSRequest -Reason 'patching' | Get-PSCredential");

        var credential = Assert.IsType<PSCredential>(Assert.Single(output).BaseObject);
        Assert.Equal(@"CONTOSO\admin1", credential.UserName);
        Assert.Equal(FakeCheckoutServer.Password, credential.GetNetworkCredential().Password);
        var post = Assert.Single(ps.Server.Calls("POST", "Requests"));
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal(101, body.RootElement.GetProperty("SystemID").GetInt32());
        Assert.Equal(201, body.RootElement.GetProperty("AccountID").GetInt32());
        Assert.Equal(30, body.RootElement.GetProperty("DurationMinutes").GetInt32()); // the account's DefaultReleaseDuration
        Assert.Equal("patching", body.RootElement.GetProperty("Reason").GetString());
        Assert.Single(ps.Server.CallsUnder("GET", "Credentials/" + FakeCheckoutServer.FirstRequestId));
    }

    [Fact]
    public void NewRequest_ReturnsTheFullRequestReadBack()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var request = (Request)Assert.Single(ps.Invoke("New-PSRequest -SystemName srv2 -AccountName admin2 -DurationMinutes 5")).BaseObject;

        Assert.Equal(FakeCheckoutServer.FirstRequestId, request.RequestId);
        Assert.Equal("Active", request.Status);
        Assert.Equal("srv2", request.SystemName);
        Assert.Equal("admin2", request.UserName);
        Assert.Same(ps.Session, request.Session);
    }

    [Fact]
    public void Pending_IsAStatusAndAWarning_NotAnError()
    {
        var server = new FakeCheckoutServer { RequireApproval = true };
        using var ps = new CheckoutRunspace(server);

        var (output, shell) = ps.Run("New-PSRequest -SystemId 101 -AccountId 201");
        using (shell)
        {
            Assert.Equal("Pending", ((Request)Assert.Single(output).BaseObject).Status);
            Assert.Empty(shell.Streams.Error);
            Assert.Contains("waiting for approval", Assert.Single(shell.Streams.Warning).Message);
        }
    }

    [Fact]
    public void GetRequest_PipedTo_CompleteRequest_ChecksEachIn()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());
        ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201; New-PSRequest -SystemId 102 -AccountId 202");

        ps.Invoke("Get-PSRequest -Status Active | Complete-PSRequest -Reason done");

        var checkins = ps.Server.Calls("PUT", "/Checkin").ToList();
        Assert.Equal(2, checkins.Count);
        Assert.All(checkins, c => Assert.Equal("{\"Reason\":\"done\"}", c.Body));
        Assert.Empty(ps.Invoke("Get-PSRequest -Status Active"));
    }

    [Fact]
    public void RequestActions_WhatIf_SendNothing()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());
        ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201");

        ps.Invoke("Get-PSRequest | Complete-PSRequest -WhatIf; Get-PSRequest | Deny-PSRequest -WhatIf; Get-PSRequest | Set-PSRequest -RotateOnCheckin -WhatIf; New-PSRequest -SystemId 102 -AccountId 202 -WhatIf");

        Assert.DoesNotContain(ps.Server.Handler.Requests, r => r.Method == "PUT");
        Assert.Single(ps.Server.Calls("POST", "Requests"));
    }

    [Fact]
    public void ApproveDenyRotate_UseTheirEndpoints_ById()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());
        ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201");
        var id = FakeCheckoutServer.FirstRequestId;

        ps.Invoke($"Approve-PSRequest -RequestId {id} -Reason ok; Set-PSRequest -RequestId {id} -RotateOnCheckin; Deny-PSRequest {id} 'no'");

        Assert.Equal(new[] { "Approve", "RotateOnCheckin", "Deny" },
            ps.Server.Handler.Requests.Where(r => r.Method == "PUT").Select(r => r.Path.Split('/').Last()));
    }

    [Fact]
    public void GetCredential_FromAnAccount_UsesTheCallersActiveRequest()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());
        ps.Invoke("New-PSRequest -SystemId 102 -AccountId 202");

        var output = ps.Invoke("Get-PSManagedAccount -SystemName srv2 -AccountName admin2 | Get-PSCredential -AsSecureString");

        Assert.IsType<System.Security.SecureString>(Assert.Single(output).BaseObject);
        Assert.Single(ps.Server.CallsUnder("GET", "Credentials/" + FakeCheckoutServer.FirstRequestId));
    }

    [Fact]
    public void GetCredential_AsPlainText_OnlyByTheSwitch_AndTypeIsSent()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());
        ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201");

        var output = ps.Invoke($"Get-PSCredential -RequestId {FakeCheckoutServer.FirstRequestId} -Type DssKey -AsPlainText");

        Assert.Equal(FakeCheckoutServer.Password, Assert.Single(output).BaseObject);
        Assert.EndsWith("?type=dsskey", ps.Server.CallsUnder("GET", "Credentials/").Single().Uri.Query);
    }

    [Fact]
    public void E2_AccessSession_FromARequest_ReturnsTheTicket()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var output = ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201 -AccessType RDP | New-PSAccessSession -SessionType RDP -NodeId n1");

        var session = (AccessSession)Assert.Single(output).BaseObject;
        Assert.Equal("proxy.test", session.Host);
        Assert.Equal("4489", session.Port);
        Assert.Equal("T1CK3T", session.Ticket);
        Assert.Equal("{\"SessionType\":\"RDP\",\"NodeID\":\"n1\"}", ps.Server.Calls("POST", "/Sessions").Single().Body);
    }

    [Fact]
    public void E2_FileSessionType_WithoutOutFile_IsOutFileRequired()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());
        ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201");

        var output = ps.Invoke($"New-PSAccessSession -RequestId {FakeCheckoutServer.FirstRequestId} -SessionType rdpfile 2>&1 | ForEach-Object {{ $_.FullyQualifiedErrorId }}");

        Assert.Equal("OutFileRequired,PasswordSafe.Commands.NewPSAccessSessionCommand", Assert.Single(output).ToString());
        Assert.Empty(ps.Server.Calls("POST", "/Sessions"));
    }

    [Fact]
    public void E4_IsaSession_RdpFile_IsSavedToOutFile()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ps-isa-" + System.Guid.NewGuid().ToString("N") + ".rdp");
        try
        {
            var session = (AccessSession)Assert.Single(ps.Invoke("New-PSIsaSession -SystemId 102 -AccountId 202 -SessionType rdpfile -OutFile $args[0]", path)).BaseObject;

            Assert.Equal(path, session.FilePath);
            Assert.Equal("full address:s:proxy.test:4489\r\n", System.IO.File.ReadAllText(path));
            using var body = JsonDocument.Parse(ps.Server.Calls("POST", "ISASessions").Single().Body!);
            Assert.Equal("rdpfile", body.RootElement.GetProperty("SessionType").GetString());
            Assert.Equal(102, body.RootElement.GetProperty("SystemID").GetInt32());
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void E3_IsaCredential_ByName_IsAPSCredential()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var credential = (PSCredential)Assert.Single(ps.Invoke("Get-PSIsaCredential srv1 admin1 -Reason audit")).BaseObject;

        Assert.Equal(@"CONTOSO\admin1", credential.UserName);
        Assert.Equal(FakeCheckoutServer.Password, credential.GetNetworkCredential().Password);
        var call = ps.Server.Calls("POST", "ISARequests").Single();
        Assert.Equal("?type=password", call.Uri.Query);
        Assert.Equal("{\"SystemID\":101,\"AccountID\":201,\"DurationMinutes\":null,\"Reason\":\"audit\"}", call.Body);
    }

    [Fact]
    public void AmbiguousNames_ListTheCandidates()
    {
        var server = new FakeCheckoutServer();
        server.Accounts[1]["SystemName"] = "srv1";
        server.Accounts[1]["AccountName"] = "admin1";
        using var ps = new CheckoutRunspace(server);

        var output = ps.Invoke("New-PSRequest srv1 admin1 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.ErrorDetails.Message }");

        Assert.Equal("AmbiguousAccount,PasswordSafe.Commands.NewPSRequestCommand", output[0].ToString());
        Assert.Equal("InvalidArgument", output[1].ToString());
        Assert.Contains("SystemId 101, AccountId 201", output[2].ToString());
        Assert.Contains("SystemId 102, AccountId 202", output[2].ToString());
        Assert.Empty(server.Calls("POST", "Requests"));
    }

    [Fact]
    public void PerItemErrors_LetTheRestOfThePipelineProceed()
    {
        var server = new FakeCheckoutServer();
        server.Override = r => r.Method == "POST" && r.IsTo("Requests") && r.Body!.Contains("\"SystemID\":101")
            ? FakeCheckoutServer.Json(HttpStatusCode.Forbidden, "4031") : null;
        using var ps = new CheckoutRunspace(server);

        var (output, shell) = ps.Run("Get-PSManagedAccount -First 2 | New-PSRequest");
        using (shell)
        {
            Assert.Equal(102, ((Request)Assert.Single(output).BaseObject).SystemId);
            Assert.Equal("PermissionDenied,PasswordSafe.Commands.NewPSRequestCommand", Assert.Single(shell.Streams.Error).FullyQualifiedErrorId);
        }
    }
}
