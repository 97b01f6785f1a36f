using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>Signed-in clients and small JSON helpers for the checkout tests (E1–E4).</summary>
internal static class CheckoutHttp
{
    public static async Task<HttpClient> SignedInAsync(TestEmulator emulator, string runAs = DemoSeed.RunAs)
    {
        var client = emulator.NewClient();
        var response = await TestEmulator.SignInWithKeyAsync(client, DemoSeed.ApiKey, runAs);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) => client.PostAsync(path, Json(json));

    public static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string path, string json = "{}") => client.PutAsync(path, Json(json));

    /// <summary>POST Requests for an account; asserts 201 and returns the bare id.</summary>
    public static async Task<int> RequestAsync(HttpClient client, int systemId, int accountId, string extra = "", int durationMinutes = 60)
    {
        var response = await PostJsonAsync(client, "Requests",
            $"{{\"SystemID\":{systemId},\"AccountID\":{accountId},\"DurationMinutes\":{durationMinutes},\"Reason\":\"test\"{extra}}}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST Requests answered {(int)response.StatusCode} {body}");
        return int.Parse(body);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>D1: 403/409 bodies are the bare code as a JSON string, e.g. "4031".</summary>
    public static async Task AssertCodeAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal($"\"{code}\"", body);
    }

    public static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {body}");
    }
}
