using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// The baseline: what a script author would write with HttpClient and Newtonsoft. One cookie session, the handler
/// settings the module uses (pinned certificate, TLS 1.2/1.3, gzip accepted), the same paths, page size and bodies.
/// </summary>
internal sealed class PlainClient : IDisposable
{
    private readonly HttpClient _client;

    public PlainClient(EmulatorProcess emulator)
    {
        var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                string.Equals(certificate?.Thumbprint, emulator.Thumbprint, StringComparison.OrdinalIgnoreCase),
        };
        _client = new HttpClient(handler, disposeHandler: true) { BaseAddress = emulator.BaseUri };
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("PasswordSafe-Benchmark/1.0");
    }

    /// <summary>Stopwatch ticks spent sending and reading bodies during listings (for the breakdown).</summary>
    public long HttpTicks { get; private set; }

    /// <summary>Stopwatch ticks spent deserializing pages during listings (for the breakdown).</summary>
    public long JsonTicks { get; private set; }

    public async Task SignInAsync(string apiKey, string runAs)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "Auth/SignAppIn")
        {
            Content = new StringContent(string.Empty, Encoding.UTF8, "application/json"),
        };
        message.Headers.TryAddWithoutValidation("Authorization", $"PS-Auth key={apiKey}; runas={runAs};");
        using var response = await _client.SendAsync(message).ConfigureAwait(false);
        Ensure(response, "signing in");
    }

    public async Task SignOutAsync()
    {
        using var response = await _client.PostAsync("Auth/Signout", new StringContent(string.Empty, Encoding.UTF8, "application/json")).ConfigureAwait(false);
    }

    /// <summary>Every page of <c>GET ManagedAccounts</c>, deserialized into typed objects and counted, none kept
    /// (except, when asked, the ids of up to <paramref name="keepCount"/> generated accounts for the checkout runs).</summary>
    public async Task ListAsync(int pageSize, StreamProbe probe, List<AccountRef>? keepFirst = null, int keepCount = 0)
    {
        HttpTicks = 0;
        JsonTicks = 0;
        for (long offset = 0; ; offset += pageSize)
        {
            var path = "ManagedAccounts?limit=" + pageSize.ToString(CultureInfo.InvariantCulture) + "&offset=" + offset.ToString(CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            string body;
            using (var response = await _client.GetAsync(path).ConfigureAwait(false))
            {
                Ensure(response, "listing accounts");
                body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }

            var received = Stopwatch.GetTimestamp();
            var page = JsonConvert.DeserializeObject<List<PlainManagedAccount>>(body) ?? new List<PlainManagedAccount>();
            var parsed = Stopwatch.GetTimestamp();
            HttpTicks += received - started;
            JsonTicks += parsed - received;
            foreach (var account in page)
            {
                probe.Observe();
                if (keepFirst != null && keepFirst.Count < keepCount && IsGenerated(account)) keepFirst.Add(new AccountRef(account.SystemId, account.AccountId));
            }

            if (page.Count < pageSize)
            {
                probe.LastPageReceivedTimestamp = received;
                return;
            }
        }
    }

    /// <summary>One raw page body, for the breakdown that times the module's parsing steps on it.</summary>
    public async Task<string> GetPageBodyAsync(long offset, int pageSize)
    {
        var path = "ManagedAccounts?limit=" + pageSize.ToString(CultureInfo.InvariantCulture) + "&offset=" + offset.ToString(CultureInfo.InvariantCulture);
        using var response = await _client.GetAsync(path).ConfigureAwait(false);
        Ensure(response, "reading a page");
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// One checkout cycle: <c>POST Requests</c> → <c>GET Credentials/{id}</c> → <c>PUT Requests/{id}/Checkin</c>.
    /// <paramref name="readRequestBack"/> adds the <c>GET Requests?status=all&amp;queue=req</c> that New-PSRequest makes
    /// after creating a request, to attribute the difference between the two sides.
    /// </summary>
    /// <param name="marks">When given (4 slots): Stopwatch timestamps at the start and after each of the three steps.</param>
    public async Task CheckoutAsync(AccountRef account, int durationMinutes, string reason, bool readRequestBack = false, long[]? marks = null)
    {
        if (marks != null) marks[0] = Stopwatch.GetTimestamp();
        var body = JsonConvert.SerializeObject(new Dictionary<string, object>
        {
            ["SystemID"] = account.SystemId,
            ["AccountID"] = account.AccountId,
            ["DurationMinutes"] = durationMinutes,
            ["AccessType"] = "View",
            ["Reason"] = reason,
        });
        int requestId;
        using (var created = await _client.PostAsync("Requests", new StringContent(body, Encoding.UTF8, "application/json")).ConfigureAwait(false))
        {
            Ensure(created, "requesting");
            requestId = JsonConvert.DeserializeObject<int>(await created.Content.ReadAsStringAsync().ConfigureAwait(false));
        }

        if (readRequestBack)
        {
            using var listed = await _client.GetAsync("Requests?status=all&queue=req").ConfigureAwait(false);
            Ensure(listed, "listing requests");
            var requests = JsonConvert.DeserializeObject<List<Dictionary<string, object>>>(await listed.Content.ReadAsStringAsync().ConfigureAwait(false));
            if (requests == null || requests.Count == 0) throw new InvalidOperationException("The new request is not in the request list.");
        }

        if (marks != null) marks[1] = Stopwatch.GetTimestamp();
        var id = requestId.ToString(CultureInfo.InvariantCulture);
        using (var credential = await _client.GetAsync("Credentials/" + id + "?type=password").ConfigureAwait(false))
        {
            Ensure(credential, "reading the credential");
            var password = JsonConvert.DeserializeObject<string>(await credential.Content.ReadAsStringAsync().ConfigureAwait(false));
            if (string.IsNullOrEmpty(password)) throw new InvalidOperationException("The emulator answered an empty credential.");
        }

        if (marks != null) marks[2] = Stopwatch.GetTimestamp();
        using var checkin = await _client.PutAsync("Requests/" + id + "/Checkin", new StringContent("{}", Encoding.UTF8, "application/json")).ConfigureAwait(false);
        Ensure(checkin, "checking in");
        if (marks != null) marks[3] = Stopwatch.GetTimestamp();
    }

    public void Dispose() => _client.Dispose();

    // The demo accounts ahead of them include one that needs an approver; the generated ones are auto-approved.
    private static bool IsGenerated(PlainManagedAccount account) =>
        account.SystemName != null && account.SystemName.StartsWith("gen-sys-", StringComparison.Ordinal);

    private static void Ensure(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            // Status only: bodies of these calls can carry credentials.
            throw new InvalidOperationException($"The plain client got {(int)response.StatusCode} {response.ReasonPhrase} while {what}.");
        }
    }
}
