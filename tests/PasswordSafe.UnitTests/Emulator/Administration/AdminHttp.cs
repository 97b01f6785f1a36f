using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>Clients and JSON helpers for the administration tests (A1–A7, C2, C5, C6, E5).</summary>
internal static class AdminHttp
{
    /// <summary>"demo": member of the Administrators group, so it holds every permission.</summary>
    public static Task<HttpClient> AdminAsync(TestEmulator emulator) => CheckoutHttp.SignedInAsync(emulator);

    /// <summary>CONTOSO\jdoe: an API user with no feature permission.</summary>
    public static Task<HttpClient> NonAdminAsync(TestEmulator emulator) => CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json) => CheckoutHttp.PostJsonAsync(client, path, json);

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, string json) => CheckoutHttp.PutJsonAsync(client, path, json);

    /// <summary>Sends, asserts the status, and returns the JSON answer.</summary>
    public static async Task<JsonElement> ExpectAsync(Task<HttpResponseMessage> send, HttpStatusCode status)
    {
        var response = await send;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {body}");
        if (body.Length == 0) return default;
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>D1: 400 with the reason as a JSON string that names the field (or says what is wrong).</summary>
    public static async Task<string> ExpectBadRequestAsync(Task<HttpResponseMessage> send, string mustMention)
    {
        var json = await ExpectAsync(send, HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.String, json.ValueKind);
        var reason = json.GetString()!;
        Assert.Contains(mustMention, reason, System.StringComparison.OrdinalIgnoreCase);
        return reason;
    }

    public static async Task ExpectForbiddenAsync(Task<HttpResponseMessage> send) =>
        await CheckoutHttp.AssertCodeAsync(await send, HttpStatusCode.Forbidden, "4031");

    /// <summary>A group with the given members, registrations and permissions (<c>[{PermissionID, AccessLevelID}]</c> JSON).</summary>
    public static async Task<int> NewGroupAsync(HttpClient admin, string name, int[] members, int[] registrations, string permissionsJson = "[]")
    {
        var group = await ExpectAsync(PostAsync(admin, "UserGroups",
            $$"""{"groupType":"BeyondInsight","groupName":"{{name}}","ApplicationRegistrationIDs":[{{string.Join(",", registrations)}}],"Permissions":{{permissionsJson}}}"""),
            HttpStatusCode.Created);
        var id = group.GetProperty("GroupID").GetInt32();
        foreach (var member in members) await ExpectAsync(admin.PostAsync($"Users/{member}/UserGroups/{id}", null), HttpStatusCode.Created);
        return id;
    }

    /// <summary>A BeyondInsight user who may sign in with the demo key (member of "API users").</summary>
    public static async Task<int> NewApiUserAsync(HttpClient admin, string userName, string password)
    {
        var user = await ExpectAsync(PostAsync(admin, "Users",
            $$"""{"UserType":"BeyondInsight","UserName":"{{userName}}","FirstName":"Test","LastName":"User","EmailAddress":"{{userName}}@example.test","Password":"{{password}}"}"""),
            HttpStatusCode.Created);
        var id = user.GetProperty("UserID").GetInt32();
        await ExpectAsync(admin.PostAsync($"Users/{id}/UserGroups/{DemoSeed.ApiUsersGroupId}", null), HttpStatusCode.Created);
        return id;
    }

    public static async Task<HttpClient> SignInAsync(TestEmulator emulator, string key, string runAs)
    {
        var client = emulator.NewClient();
        var response = await TestEmulator.SignInWithKeyAsync(client, key, runAs);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public static string[] Keys(JsonElement json) => json.EnumerateObject().Select(p => p.Name).ToArray();

    public static string[] AuditKindsBy(TestEmulator emulator, string userName) =>
        emulator.State.Audit.Where(e => e.UserName == userName).Select(e => e.Kind).ToArray();
}
