using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using PasswordSafe.Http;
using PasswordSafe.UnitTests.Module.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// Log text is built only for a stream someone will see (issue 3 benchmark: redacting every listing page for a Debug
/// stream that was off cost most of the listing time); when a stream is on, redaction is as strong as ever (D1, B-rules).
/// </summary>
public class RequestLogStreamsTests
{
    private const string SecretBody = "{\"UserName\":\"jdoe\",\"Password\":\"s3cr3t-value\",\"ClientSecret\":\"cl13nt-s3cr3t\"}";

    [Fact]
    public void StreamsOff_NoLineIsBuilt()
    {
        var built = 0;
        var log = new RequestLog(verboseEnabled: false, debugEnabled: false);

        log.Verbose(() => { built++; return "x"; });
        log.Verbose("y");
        log.Debug("z");

        Assert.Equal(0, built);
        Assert.Empty(log.Drain());
        Assert.Empty(RequestLog.Discard.Drain());
    }

    [Fact]
    public void StreamsOff_ApiClientLogsNothing_AndStillReadsTheBodyIntoObjects()
    {
        var client = ClientAnswering(SecretBody);
        var log = new RequestLog(verboseEnabled: false, debugEnabled: false);
        var request = new ApiRequest(HttpMethod.Get, "Users/5") { SuccessBodyReader = (_, reader) => reader.ReadToEnd() };

        var response = TestSessions.Sync(client.SendAsync(request, log, CancellationToken.None));

        Assert.Empty(log.Drain());
        Assert.Equal(SecretBody, response.ParsedBody);
        Assert.Equal(string.Empty, response.Body); // streamed: no copy of the body as text
    }

    [Fact]
    public void DebugOn_BodiesAndHeadersAreStillRedacted()
    {
        var client = ClientAnswering(SecretBody);
        var log = new RequestLog(verboseEnabled: true, debugEnabled: true);
        var request = new ApiRequest(HttpMethod.Get, "Users/5")
        {
            Authorization = "PS-Auth key=0123456789abcdef; runas=demo; pwd=[pa55];",
            SuccessBodyReader = (_, reader) => reader.ReadToEnd(),
        };

        var response = TestSessions.Sync(client.SendAsync(request, log, CancellationToken.None));

        var lines = log.Drain();
        var debug = string.Join("\n", lines.Where(l => !l.Key).Select(l => l.Value));
        Assert.Contains("HTTP request: GET", debug);
        Assert.Contains("HTTP response: 200", debug);
        Assert.Contains("\"Password\":\"***\"", debug);
        Assert.DoesNotContain("s3cr3t-value", debug);
        Assert.DoesNotContain("cl13nt-s3cr3t", debug);
        Assert.DoesNotContain("0123456789abcdef", debug);
        Assert.DoesNotContain("pa55", debug);
        Assert.Contains(lines, l => l.Key && l.Value.StartsWith("GET ", StringComparison.Ordinal));
        Assert.Equal(SecretBody, response.ParsedBody); // parsed from the text Debug needed
    }

    [Fact]
    public void VerboseOnly_NoDebugText()
    {
        var client = ClientAnswering(SecretBody);
        var log = new RequestLog(verboseEnabled: true, debugEnabled: false);

        TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Requests/77/Sessions"), log, CancellationToken.None));

        var line = Assert.Single(log.Drain());
        Assert.True(line.Key);
        Assert.Contains("Requests/****/Sessions", line.Value);
        Assert.DoesNotContain("77", line.Value);
    }

    [Theory]
    [InlineData("Get-PSManagedAccount", false, false)]
    [InlineData("Get-PSManagedAccount -Verbose", true, false)]
    [InlineData("Get-PSManagedAccount -Debug", true, true)]
    [InlineData("$DebugPreference = 'Continue'; Get-PSManagedAccount", false, true)]
    [InlineData("$VerbosePreference = 'Continue'; Get-PSManagedAccount -Verbose:$false", false, false)]
    [InlineData("function f { [CmdletBinding()] param() Get-PSManagedAccount }; f -Verbose", true, false)]
    public void Cmdlets_BuildLogTextOnlyForStreamsTheCallerWillSee(string script, bool verbose, bool debug)
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer(accountCount: 3));

        var (output, shell) = ps.Run(script);
        using (shell)
        {
            Assert.Equal(3, output.Count);
            Assert.Equal(verbose, shell.Streams.Verbose.Any(v => v.Message.StartsWith("GET ", StringComparison.Ordinal)));
            Assert.Equal(debug, shell.Streams.Debug.Any(d => d.Message.StartsWith("HTTP response", StringComparison.Ordinal)));
        }
    }

    private static ApiClient ClientAnswering(string body) =>
        new ApiClient(TestSessions.BaseUri, new FakeHttpHandler(_ => FakeHttpHandler.Respond(HttpStatusCode.OK, body)), TimeSpan.FromSeconds(5));
}
