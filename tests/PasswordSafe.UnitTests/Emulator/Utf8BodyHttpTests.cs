using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Administration;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// D1 (400 validation failure, 500 only for the unexpected): a JSON body whose text is not UTF-8 — bytes of another
/// encoding (Windows PowerShell 5.1's Invoke-RestMethod sends ISO-8859-1 when no charset is given), an escaped lone
/// surrogate (<c>"\ud800"</c>), or either in a property name — is a 400 saying the body must be UTF-8 JSON text, on
/// every endpoint that reads a body, and nothing changes. It used to be a 500 "An unexpected error occurred".
/// </summary>
public class Utf8BodyHttpTests
{
    private const string Value = "VALUE";

    /// <summary>Each endpoint that reads a JSON body, with a body whose text field <see cref="Value"/> is read.</summary>
    private static readonly (string Method, string Path, string Template)[] Endpoints =
    [
        ("POST", "Requests", """{"SystemID":1,"AccountID":1,"DurationMinutes":30,"Reason":"VALUE"}"""),
        ("PUT", "Requests/1/Checkin", """{"Reason":"VALUE"}"""),
        ("PUT", "Requests/1/Approve", """{"Reason":"VALUE"}"""),
        ("PUT", "Requests/1/Deny", """{"Reason":"VALUE"}"""),
        ("PUT", "Requests/1/RotateOnCheckin", """{"Reason":"VALUE"}"""),
        ("POST", "Requests/1/Sessions", """{"SessionType":"VALUE"}"""),
        ("POST", "RequestSets", """{"AccessTypes":["View"],"SystemID":1,"AccountID":1,"DurationMinutes":30,"Reason":"VALUE"}"""),
        ("POST", "ISARequests", """{"SystemID":4,"AccountID":7,"Reason":"VALUE"}"""),
        ("POST", "ISASessions", """{"SessionType":"SSH","SystemID":4,"AccountID":7,"Reason":"VALUE"}"""),
        ("POST", "Aliases/1/Requests", """{"DurationMinutes":30,"Reason":"VALUE"}"""),
        ("POST", "Sessions/Admin", """{"SessionType":"SSH","HostName":"VALUE","UserName":"u","Password":"p"}"""),
        ("POST", "Users", """{"UserType":"BeyondInsight","UserName":"VALUE","Password":"Passw0rd-42!"}"""),
        ("PUT", "Users/1", """{"FirstName":"VALUE"}"""),
        ("POST", "ApiRegistrations", """{"Name":"VALUE","RegistrationType":"ApiKeyPolicy"}"""),
        ("POST", "Workgroups", """{"Name":"VALUE"}"""),
        ("POST", "Workgroups/1/Assets", """{"IPAddress":"10.0.0.9","AssetName":"VALUE"}"""),
        ("POST", "Workgroups/1/ManagedSystems", """{"HostName":"VALUE","PlatformID":1}"""),
        ("POST", "UserGroups", """{"groupType":"BeyondInsight","groupName":"VALUE"}"""),
        ("POST", "UserGroups/1/Permissions", """[{"PermissionID":"VALUE","AccessLevelID":1}]"""),
        ("POST", "UserGroups/1/SmartRules/1/Roles", """{"AccessPolicyID":"VALUE","Roles":[{"RoleID":1}]}"""),
        ("POST", "QuickRules", """{"AccountIDs":[1],"Title":"VALUE"}"""),
        ("POST", "ManagedSystems/1/ManagedAccounts", """{"AccountName":"VALUE","Password":"p"}"""),
        ("PUT", "ManagedAccounts/1", """{"Description":"VALUE"}"""),
        ("PUT", "ManagedAccounts/1/Credentials", """{"Password":"VALUE"}"""),
        ("POST", "ManagedAccounts/1/Credentials/Change", """{"Queue":"VALUE"}"""),
        ("POST", "ManagedAccounts/1/Requests/Terminate", """{"Reason":"VALUE"}"""),
    ];

    /// <summary>The three ways a body's text is not text, as raw bytes.</summary>
    internal static byte[] BadBody(string template, string kind) => kind switch
    {
        // Invoke-RestMethod in Windows PowerShell 5.1 without a charset: é as the single byte 0xE9.
        "iso-8859-1" => Encoding.Latin1.GetBytes(template.Replace(Value, "café")),
        // Valid UTF-8 bytes, but the escape stands for half a UTF-16 pair, which is no character.
        "lone surrogate" => Encoding.ASCII.GetBytes(template.Replace(Value, "\\ud800")),
        // 0xE9 in the first property name, so a reader meets it looking for any key.
        "bad byte in a name" => Encoding.Latin1.GetBytes(ReplaceFirst(template.Replace(Value, "x"), "{\"", "{\"Caf\u00e9\":1,\"")),
        "lone surrogate in a name" => Encoding.ASCII.GetBytes(ReplaceFirst(template.Replace(Value, "x"), "{\"", "{\"\\ud800\":1,\"")),
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
    };

    private static readonly string[] Kinds = ["iso-8859-1", "lone surrogate", "bad byte in a name", "lone surrogate in a name"];

    public static TheoryData<string, string, string> BadBodies()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path, _) in Endpoints)
        foreach (var kind in Kinds)
            data.Add(method, path, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task D1_ABodyThatIsNotUtf8Text_400_SaysSo_AndNothingChanges(string method, string path, string kind)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminHttp.AdminAsync(emulator);
        var template = Endpoints.Single(e => e.Method == method && e.Path == path).Template;
        var audited = emulator.State.Audit.Count;
        var users = emulator.State.Users.Count;

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Raw(BadBody(template, kind)) });

        var reason = await AdminHttp.ExpectBadRequestAsync(Task.FromResult(response), "must be UTF-8 JSON text");
        Assert.Contains(kind.StartsWith("lone surrogate") ? "lone surrogate" : "not UTF-8", reason);
        Assert.Equal(audited, emulator.State.Audit.Count);
        Assert.Equal(users, emulator.State.Users.Count);
        Assert.Empty(emulator.State.ReleaseRequests);
        Assert.Equal(DemoSeed.WindowsAccountPassword, emulator.State.RevealAccountPassword(DemoSeed.WindowsAccountId));
    }

    [Fact]
    public async Task D1_CheckinWithAnIso88591Reason_400_TheRequestStaysActive_AndAUtf8OneChecksItIn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var id = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId);

        var refused = await jdoe.PutAsync($"Requests/{id}/Checkin", Raw(Encoding.Latin1.GetBytes("""{"Reason":"done at the café"}""")));

        var reason = await AdminHttp.ExpectBadRequestAsync(Task.FromResult(refused), "must be UTF-8 JSON text");
        Assert.Contains("Reason", reason);
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(id)!.Status);
        await AdminHttp.ExpectAsync(jdoe.PutAsync($"Requests/{id}/Checkin", Raw(Encoding.UTF8.GetBytes("""{"Reason":"done at the café"}"""))),
            HttpStatusCode.NoContent);
        Assert.Contains(emulator.State.Audit, e => e.Reason?.Contains("checked in: done at the café") == true);
    }

    [Theory]
    [InlineData("POST", "emulator/clock", """{"AdvanceMinutes":5,"Note":"VALUE"}""")]
    [InlineData("PUT", "emulator/settings", """{"SessionIdleTimeoutMinutes":5,"Note":"VALUE"}""")]
    [InlineData("POST", "emulator/refusals", """{"Method":"GET","Path":"VALUE","StatusCode":403}""")]
    [InlineData("POST", "emulator/late-answers", """{"Method":"GET","Path":"VALUE","DelayMilliseconds":10}""")]
    public async Task D1_AControlBodyThatIsNotUtf8Text_400_SaysSo_AndNothingChanges(string method, string path, string template)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        foreach (var kind in Kinds)
        {
            var response = await control.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Raw(BadBody(template, kind)) });

            var reason = await AdminHttp.ExpectBadRequestAsync(Task.FromResult(response), "must be UTF-8 JSON text");
            Assert.Contains(kind.StartsWith("lone surrogate") ? "lone surrogate" : "not UTF-8", reason);
        }
        Assert.Equal(System.TimeSpan.Zero, emulator.Clock.Offset);
        Assert.Equal(20, emulator.State.Settings.SessionIdleTimeoutMinutes);
        Assert.Empty(emulator.State.CallRefusals.All);
        Assert.Empty(emulator.State.LateAnswers.All);
    }

    /// <summary>The bytes as sent, with <c>Content-Type: application/json</c> and no charset (as Windows PowerShell 5.1 sends them).</summary>
    private static ByteArrayContent Raw(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, System.StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }
}
