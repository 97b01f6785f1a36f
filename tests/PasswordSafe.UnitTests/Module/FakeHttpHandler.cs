using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PasswordSafe.UnitTests.Module;

/// <summary>A scripted server: each request is recorded and answered by the responder.</summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, HttpResponseMessage> _responder;

    public FakeHttpHandler(Func<RecordedRequest, HttpResponseMessage> responder) => _responder = responder;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new ConcurrentQueue<RecordedRequest>();

    public static HttpResponseMessage Respond(HttpStatusCode status, string? body = null, string mediaType = "application/json",
        IDictionary<string, string>? headers = null)
    {
        var response = new HttpResponseMessage(status);
        if (body != null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        foreach (var header in headers ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        string? authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
        string? runAs = request.Headers.TryGetValues("RunAs", out var runAsValues) ? string.Join(",", runAsValues) : null;
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, authorization, runAs, body);
        Requests.Enqueue(recorded);
        var response = _responder(recorded);
        response.RequestMessage = request;
        return response;
    }
}
