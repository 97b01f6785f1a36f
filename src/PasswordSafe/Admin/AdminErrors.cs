using System.Globalization;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// Rewrites an API failure of an admin call so it says what to do: 400 ValidationFailed with the server's
/// reason, 403 PermissionDenied naming the likely missing permission, 404 ObjectNotFound naming the operation and
/// what the server said is missing.
/// The id, status and reason code stay as the foundation mapped them.
/// </summary>
internal static class AdminErrors
{
    public static PasswordSafeApiException Translate(PasswordSafeApiException e, AdminOperation operation)
    {
        var reason = string.IsNullOrWhiteSpace(e.ServerMessage) ? null : e.ServerMessage!.Trim().TrimEnd('.');
        string message;
        string? action;
        switch (e.StatusCode)
        {
            case 400:
            case 422:
                message = $"{operation.Action} {operation.Item} was refused by the server: {reason ?? "no reason given"}.";
                action = "Correct the value the server names and try again.";
                break;
            case 403:
                // Named, user and server: a piped object runs as the session it was read with, not always the default.
                var code = e.ReasonCode == null ? string.Empty : " (reason " + e.ReasonCode.Value.ToString(CultureInfo.InvariantCulture) + ")";
                message = $"{operation.Action} {operation.Item} was denied{code}: {e.Caller?.ToString() ?? "the signed-in user"} lacks the permission for it.";
                action = $"It likely needs {operation.Permission}; ask a Password Safe administrator to grant it to one of "
                         + (e.Caller == null ? "the user's" : e.Caller.UserName + "'s") + " groups, or run the command with the session of a "
                         + "user who holds it (-Session; a piped object uses the session it was read with).";
                break;
            case 404:
                // "user group 3 was not found (User 5 is not a member of group 3)" would send the user looking for a
                // group that exists: when the call names more than its item, the server's reason is the news.
                message = operation.NotFoundMeansTheItem
                    ? $"{SentenceStart(operation.Item)} was not found" + (reason == null ? "." : $" ({reason}).")
                    : $"{operation.Action} {operation.Item} failed: {reason ?? "an object it names was not found"}.";
                action = operation.NotFoundMeansTheItem
                    ? "Check the id or name; the object does not exist, was removed, or is not visible to the signed-in user."
                    : "Check the ids and names: what the server names does not exist, was removed, or is not visible to the signed-in user.";
                break;
            case 409:
                message = $"{operation.Action} {operation.Item} conflicts with an existing object" + (reason == null ? "." : $": {reason}.");
                action = "Use the existing object, or choose another name.";
                break;
            default:
                return e;
        }

        return new PasswordSafeApiException(e.ErrorId, message, action, e.StatusCode, e.Method, e.RedactedUri, e.ReasonCode, e.ServerMessage)
            .MadeBy(e.Caller);
    }

    /// <summary>An item's description ("managed system 99", always a noun first) at the start of a sentence: capitalised.</summary>
    internal static string SentenceStart(string item) =>
        item.Length == 0 ? item : char.ToUpperInvariant(item[0]) + item.Substring(1);

    /// <summary>A value refused before anything was sent.</summary>
    public static PasswordSafeException Invalid(string message, string action) =>
        new PasswordSafeException(ErrorIds.ValidationFailed, message, action);
}
