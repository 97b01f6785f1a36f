using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using PasswordSafe.Http;
using Xunit;

// The folder's name is not a namespace: "Http." in other test namespaces must keep naming PasswordSafe.Http.
namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// A server that echoes a secret the call sent may write it escaped: ASP.NET's default JSON encoder turns <c>+</c>,
/// quotes, <c>&lt;</c> <c>&gt;</c> <c>&amp;</c> and every letter beyond ASCII into <c>\uXXXX</c> (upper-case hex, others use
/// lower case), Newtonsoft escapes only quote and backslash, an HTML page or a form echo writes entities or
/// percent-escapes. Every one of these forms, and any mix of them, is masked before the body is read, and the message
/// is masked again once decoded.
/// </summary>
public class EscapedSecretScrubbingTests
{
    private const string Before = "\"The password ";
    private const string After = " does not meet the password rule\"";

    private static ApiRequest Sending(string password) =>
        new ApiRequest(HttpMethod.Put, "ManagedAccounts/1/Credentials") { Body = Newtonsoft.Json.JsonConvert.SerializeObject(new { Password = password }) };

    private static string Echo(string written) => Before + written + After;

    [Theory]
    [InlineData("Summer+2024!x", "Summer\\u002B2024!x")] // ASP.NET's default encoder
    [InlineData("Summer+2024!x", "Summer\\u002b2024!x")] // lower-case hex
    [InlineData("Summer+2024!x", "\\u0053\\u0075\\u006d\\u006D\\u0065\\u0072\\u002B\\u0032\\u0030\\u0032\\u0034\\u0021\\u0078")] // every character
    [InlineData("Summer+2024!x", "\\u0073UMMER\\u002B2024!X")] // another case, as the plain echo is matched
    [InlineData("Sécurité-2024", "S\\u00E9curit\\u00E9-2024")]
    [InlineData("Sécurité-2024", "S\\u00e9curit\\u00e9-2024")]
    [InlineData("Sécurité-2024", "S\\u00e9curit\\u00C9-2024")] // É for é, like the plain echo
    [InlineData("Pw\"q\\b<x>&Echo-777", "Pw\\u0022q\\\\b\\u003Cx\\u003E\\u0026Echo-777")] // ASP.NET's default encoder
    [InlineData("Pw\"q\\b<x>&Echo-777", "Pw\\u0022q\\u005Cb\\u003cx\\u003e\\u0026Echo-777")] // the backslash as \u005C
    [InlineData("it's/a-Secret", "it\\u0027s\\/a-Secret")] // apostrophe as \u0027, solidus as \/
    [InlineData("it's/a-Secret", "it\\'s/a-Secret")] // a JavaScript-style escape
    [InlineData("Key-😀-2024", "Key-\\uD83D\\uDE00-2024")] // beyond the BMP: two escaped halves
    [InlineData("Key-😀-2024", "Key-\\ud83d\\ude00-2024")]
    [InlineData("Tab\there-2024", "Tab\\u0009here-2024")] // a control character
    [InlineData("Summer+2024!x", "Summer\\\\u002B2024!x")] // a message that was itself JSON, encoded twice
    public void JsonEscapedEcho_IsMasked_TheRestKept(string password, string written)
    {
        var scrubbed = ErrorBodyScrubber.Scrub(Sending(password), Echo(written));

        Assert.Equal(Echo(Redactor.Mask), scrubbed);
    }

    [Theory]
    [InlineData("Summer+2024!x", "Summer&#43;2024!x")]
    [InlineData("Summer+2024!x", "Summer&#x2B;2024!x")]
    [InlineData("Summer+2024!x", "Summer&#X002b;2024&#033;x")]
    [InlineData("Pw\"q\\b<x>&Echo-777", "Pw&quot;q\\b&lt;x&gt;&amp;Echo-777")]
    [InlineData("it's/a-Secret", "it&#39;s/a-Secret")]
    [InlineData("it's/a-Secret", "it&apos;s/a-Secret")]
    [InlineData("Sécurité-2024", "S&#233;curit&#xE9;-2024")]
    [InlineData("Key-😀-2024", "Key-&#128512;-2024")]
    [InlineData("Key-😀-2024", "Key-&#x1F600;-2024")]
    [InlineData("Summer+2024!x", "Summer%2B2024%21x")] // percent-escaped, as in an echoed URL or form
    [InlineData("Sécurité 2024", "S%C3%A9curit%c3%a9+2024")]
    public void HtmlOrPercentEscapedEcho_IsMasked_TheRestKept(string password, string written)
    {
        var scrubbed = ErrorBodyScrubber.Scrub(Sending(password), Echo(written));

        Assert.Equal(Echo(Redactor.Mask), scrubbed);
    }

    // A server on another platform may hand the text back in another Unicode normalization form: é composed
    // (U+00E9) or as e + combining acute (U+0301), the ﬁ ligature (U+FB01) as f and i. Each is the same password to a
    // reader. The rows spell these characters as C# escapes so that no editor or checkout can normalize them away.
    [Theory]
    [InlineData("S\u00e9curit\u00e9-2024", "Se\u0301curite\u0301-2024")] // sent composed, echoed decomposed
    [InlineData("Se\u0301curite\u0301-2024", "S\u00e9curit\u00e9-2024")] // sent decomposed, echoed composed
    [InlineData("S\u00e9curit\u00e9-2024", "Se\\u0301curite\\u0301-2024")] // decomposed, then JSON-escaped
    [InlineData("\ufb01le-Secret-9", "file-Secret-9")] // compatibility form: the ligature written as two letters
    public void EchoInAnotherUnicodeNormalizationForm_IsMasked(string password, string written)
    {
        var scrubbed = ErrorBodyScrubber.Scrub(Sending(password), Echo(written));

        Assert.Equal(Echo(Redactor.Mask), scrubbed);
    }

    [Fact]
    public void EveryEchoOfTheSecret_IsMasked_WhateverFormEachTakes_AndNothingElse()
    {
        // Summer\u002D2024!x (a '-' where the secret has '+') is another text, and stays.
        var body = Echo("Summer+2024!x, Summer\\u002B2024!x and Summer&#43;2024!x, not Summer\\u002D2024!x");

        Assert.Equal(Echo("****, **** and ****, not Summer\\u002D2024!x"), ErrorBodyScrubber.Scrub(Sending("Summer+2024!x"), body));
    }

    [Fact]
    public void EscapedEchoOfASecretTooShortToMask_WithholdsTheWholeMessage()
    {
        var request = new ApiRequest(HttpMethod.Post, "Users") { Body = "{\"UserName\":\"u\",\"Password\":\"a+b\"}" };

        Assert.Equal(ErrorBodyScrubber.Withheld, ErrorBodyScrubber.Scrub(request, "\"password a\\u002Bb refused\""));
        Assert.Equal("\"password a-b refused\"", ErrorBodyScrubber.Scrub(request, "\"password a-b refused\""));
    }

    [Fact]
    public void LongRunsOfBackslashesAndEscapes_AreScrubbedQuickly()
    {
        // A backslash may stand for itself or start an escape: a long run of them must not make the search try every
        // way of reading it, for any secret, one with backslashes of its own too.
        var noise = new string('\\', 20000) + " " + string.Concat(Enumerable.Repeat("\\\\\\u002B", 20000));
        foreach (var password in new[] { "Summer+2024!x", "Pw\\q\\b-x+y" })
        {
            var body = "\"" + noise + " " + JsonSerializer.Serialize(password).Trim('"') + "\"";
            var watch = Stopwatch.StartNew();

            var scrubbed = ErrorBodyScrubber.Scrub(Sending(password), body);

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
            Assert.Equal("\"" + noise + " " + Redactor.Mask + "\"", scrubbed);
        }
    }

    [Fact]
    public void ASearchThatCannotFinish_WithholdsTheText()
    {
        // Thirty backslashes, each plain or escaped, against a run of them: too many readings to try in time.
        var request = Sending(new string('\\', 30) + "x");

        var scrubbed = ErrorBodyScrubber.Scrub(request, "\"" + new string('\\', 4000) + "\"");

        Assert.Equal(ErrorBodyScrubber.Withheld, scrubbed);
    }

    [Theory]
    [InlineData("\"The password Summer\\u002B2024!x does not meet the password rule\"")]
    [InlineData("{\"Message\":\"The password Summer\\u002B2024!x does not meet the password rule\"}")]
    [InlineData("The password Summer&#43;2024!x does not meet the password rule")]
    public void ParsedMessage_OfAnEscapedEcho_DoesNotShowTheSecret(string body)
    {
        var parsed = ErrorBodyParser.Parse(ErrorBodyScrubber.Scrub(Sending("Summer+2024!x"), body), 400);

        Assert.Equal("The password **** does not meet the password rule", parsed.Message);
    }

    [Fact]
    public void DecodedMessage_IsScrubbedBeforeItIsCut_SoNoPartOfASecretSurvivesAtTheEnd()
    {
        var secret = "Summer+2024!x";
        var text = new string('a', ErrorBodyParser.MaxMessageLength - 10) + " " + secret + " tail";
        var body = Newtonsoft.Json.JsonConvert.SerializeObject(text);

        var parsed = ErrorBodyParser.Parse(body, 400, message => message.Replace(secret, Redactor.Mask));

        Assert.Equal(text.Replace(secret, Redactor.Mask), parsed.Message);
    }

    [Fact]
    public void DecodedMessage_IsWhatTheScrubSees_AndReasonCodesAreStillRead()
    {
        Assert.Equal(4031, ErrorBodyParser.Parse("{\"Message\":\"4031\"}", 403, message => message).ReasonCode);
        Assert.Equal("x **** y", ErrorBodyParser.Parse("\"x S\\u00e9cret y\"", 400, message => message.Replace("Sécret", Redactor.Mask)).Message);
    }
}
