using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Bodies of the control endpoints: one JSON object whose keys (any case) are properties of <typeparamref name="T"/>.
/// A key the emulator does not know is a 400 naming it, so a typo never looks like a change that was made.
/// </summary>
internal static class ControlBody<T>
    where T : class
{
    private static readonly string[] Known = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();

    /// <summary>The body read as <typeparamref name="T"/>, or the 400 to answer instead.</summary>
    internal static async Task<(T? Value, IResult? Refusal)> ReadAsync(HttpContext context, string what, string example)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip },
                context.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, ApiResults.BadRequest($"The body is not valid {what} JSON: {e.Message} Send e.g. {example}."));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, ApiResults.BadRequest($"Send {what} as a JSON object, e.g. {example}."));
            if (JsonTextCheck.Problem(document.RootElement) is { } notText) return (null, ApiResults.BadRequest(notText));
            var unknown = document.RootElement.EnumerateObject().Select(p => p.Name)
                .Where(name => !Known.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                return (null, ApiResults.BadRequest($"Unknown {(unknown.Count == 1 ? "key" : "keys")} in {what}: {string.Join(", ", unknown)}. " +
                    $"Known keys: {string.Join(", ", Known)}."));
            }
            try
            {
                return (document.RootElement.Deserialize<T>(ApiJson.Options), null);
            }
            catch (JsonException e)
            {
                return (null, ApiResults.BadRequest($"The body is not valid {what}: {e.Message}"));
            }
        }
    }
}
