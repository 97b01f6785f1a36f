using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// A call a cmdlet waits for runs on the waiting thread with the synchronous send (no thread hop); everywhere
/// else, and with a handler that has no synchronous path, it stays asynchronous and is sent exactly once.
/// </summary>
public class BlockingSendTests
{
    /// <summary>Answers both ways and records which way each request came, and on which thread.</summary>
    private sealed class TwoWayHandler : HttpMessageHandler
    {
        public int SyncSends;
        public int AsyncSends;
        public int LastThreadId;

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref SyncSends);
            LastThreadId = Environment.CurrentManagedThreadId;
            return Answer();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref AsyncSends);
            await Task.Yield();
            LastThreadId = Environment.CurrentManagedThreadId;
            return Answer();
        }

        private static HttpResponseMessage Answer() =>
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[1,2,3]", Encoding.UTF8, "application/json") };
    }

    /// <summary>Blocks in the synchronous send until cancelled, like a socket read against a server that hangs.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.WaitHandle.WaitOne();
            throw new OperationCanceledException(cancellationToken);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The blocking path was expected.");
    }

    [Fact]
    public void OnTheWaitingThread_TheCallIsSentSynchronously_AndCompletesBeforeReturning()
    {
        var handler = new TwoWayHandler();
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));

        Task<ApiResponse> task;
        BlockingSend.Enter();
        try
        {
            task = client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None);
        }
        finally
        {
            BlockingSend.Exit();
        }

        Assert.True(task.IsCompleted, "The whole call should have run on the calling thread.");
        var response = TestSessions.Sync(task);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("[1,2,3]", response.Body);
        Assert.Equal((1, 0), (handler.SyncSends, handler.AsyncSends));
        Assert.Equal(Environment.CurrentManagedThreadId, handler.LastThreadId);
    }

    [Fact]
    public void OutsideAWaitingScope_TheCallStaysAsynchronous()
    {
        var handler = new TwoWayHandler();
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));

        var response = TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal((0, 1), (handler.SyncSends, handler.AsyncSends));
    }

    [Fact]
    public void APoolThreadStartedFromTheScope_DoesNotInheritIt()
    {
        var handler = new TwoWayHandler();
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));

        BlockingSend.Enter();
        try
        {
            // Like a prefetched listing page: started on a pool thread, nobody blocks there.
            TestSessions.Sync(Task.Run(() => client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None)));
        }
        finally
        {
            BlockingSend.Exit();
        }

        Assert.Equal((0, 1), (handler.SyncSends, handler.AsyncSends));
    }

    [Fact]
    public void AHandlerWithoutASynchronousPath_GetsEachCallOnce_Asynchronously()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond(HttpStatusCode.OK, "\"done\""));
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));

        BlockingSend.Enter();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var response = TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Post, "Requests") { Body = "{}" }, new RequestLog(), CancellationToken.None));
                Assert.Equal("\"done\"", response.Body);
            }
        }
        finally
        {
            BlockingSend.Exit();
        }

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void ABlockedSynchronousSend_EndsWhenCancelled()
    {
        var client = new ApiClient(TestSessions.BaseUri, new HangingHandler(), TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        BlockingSend.Enter();
        try
        {
            Assert.ThrowsAny<OperationCanceledException>(() =>
                TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), cancel.Token)));
        }
        finally
        {
            BlockingSend.Exit();
        }
    }

    [Fact]
    public void ABlockedSynchronousSend_TimesOutLikeAnAsyncOne()
    {
        var client = new ApiClient(TestSessions.BaseUri, new HangingHandler(), TimeSpan.FromMilliseconds(100));

        BlockingSend.Enter();
        try
        {
            var error = Assert.Throws<PasswordSafeException>(() =>
                TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None)));
            Assert.Equal(PasswordSafe.Internal.ErrorIds.Timeout, error.ErrorId);
        }
        finally
        {
            BlockingSend.Exit();
        }
    }
}
