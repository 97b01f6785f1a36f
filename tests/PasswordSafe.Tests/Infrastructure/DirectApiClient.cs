using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// Raw HTTP against the emulator, for what the module cannot send by design (X-Forwarded-For is added by a
/// balancer, never by a client) and for checking server-side effects (an old token or secret refused).
/// </summary>
public sealed class DirectApiClient : IDisposable
{
    private readonly HttpClient client;
    private readonly Uri baseUri;

    public DirectApiClient(EmulatorFixture emulator)
    {
        baseUri = emulator.Server.BaseUri;
        var expected = emulator.Server.ServerCertificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate != null && string.Equals(certificate.Thumbprint, expected, StringComparison.OrdinalIgnoreCase),
        };
        client = new HttpClient(handler);
    }

    /// <summary>POST Auth/SignAppIn with a PS-Auth header and any extra headers (XFF, several XFF values…).</summary>
    public async Task<HttpResponseMessage> SignAppInAsync(string key, string runAs, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "Auth/SignAppIn"));
        request.Headers.TryAddWithoutValidation("Authorization", $"PS-Auth key={key}; runas={runAs};");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        request.Content = new StringContent(string.Empty);
        return await client.SendAsync(request);
    }

    /// <summary>POST Auth/connect/token with client credentials.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret, string grantType = "client_credentials")
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        return await client.PostAsync(new Uri(baseUri, "Auth/connect/token"), form);
    }

    /// <summary>POST Auth/SignAppIn with a bearer token.</summary>
    public async Task<HttpResponseMessage> SignAppInWithTokenAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "Auth/SignAppIn"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Content = new StringContent(string.Empty);
        return await client.SendAsync(request);
    }

    /// <summary>POST Auth/connect/revocation (C7) with the token and the client's credentials.</summary>
    public async Task<HttpResponseMessage> RevokeTokenAsync(string token, string clientId, string clientSecret)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        return await client.PostAsync(new Uri(baseUri, "Auth/connect/revocation"), form);
    }

    /// <summary>Reads access_token/expires_in from a token response.</summary>
    public static async Task<(string Token, int ExpiresIn)> ReadTokenAsync(HttpResponseMessage response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("access_token").GetString()!, json.RootElement.GetProperty("expires_in").GetInt32());
    }

    public void Dispose() => client.Dispose();
}
