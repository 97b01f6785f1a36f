using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;

namespace PasswordSafe.UnitTests.Module;

/// <summary>Builds sessions over a fake handler, with instant retries and a controllable clock.</summary>
internal static class TestSessions
{
    public static readonly Uri BaseUri = new Uri("https://pam.test/BeyondTrust/api/public/v3/");

    // A well-formed (A5) 128-character key; its shape is checked before sending.
    public static readonly string Key = string.Concat(System.Linq.Enumerable.Repeat("K3ySecret0123456", 8));

    public static ApiClient Client(HttpMessageHandler handler, TimeSpan? timeout = null) =>
        new ApiClient(BaseUri, handler, timeout ?? TimeSpan.FromSeconds(30),
            new RetryPolicy(delay: (_, token) => Task.CompletedTask, seed: 1));

    public static SessionConnection ApiKeySession(HttpMessageHandler handler, Func<DateTimeOffset>? clock = null, string? password = null) =>
        new SessionConnection(Client(handler),
            SessionCredentials.ForApiKey(SecureStringReader.FromPlainText(Key), "demo",
                password == null ? null : SecureStringReader.FromPlainText(password)), clock);

    public static SessionConnection OAuthSession(HttpMessageHandler handler, Func<DateTimeOffset>? clock = null, string? runAs = null) =>
        new SessionConnection(Client(handler),
            SessionCredentials.ForOAuth("client-1", SecureStringReader.FromPlainText("s3cret"), runAs), clock);

    public static T Sync<T>(Task<T> task) => task.GetAwaiter().GetResult();

    public static ApiResponse Get(SessionConnection connection, string path, RequestLog? log = null) =>
        Sync(connection.SendAsync(new ApiRequest(HttpMethod.Get, path), log ?? new RequestLog(), CancellationToken.None));

    public const string UserJson = "{\"UserId\":1,\"SID\":\"S-1-5\",\"EmailAddress\":\"demo@example.test\",\"UserName\":\"demo\",\"Name\":\"Demo User\"}";
}
