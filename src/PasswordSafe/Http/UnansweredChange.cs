using System;
using System.Globalization;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>
/// A call that changes something (POST, PUT, DELETE, other than signing in) whose answer was lost — -TimeoutSec ran out,
/// the connection broke after the request went, the session was disconnected mid-call — may have been carried out all
/// the same: retrying it blindly meets a duplicate, or rotates a key a second time while the first new key was never
/// shown. Its error keeps the id and category of the failure (scripts catch them) and says that the server may have made
/// the change, what follows if it did, and the command that shows it before retrying (<see cref="ChangeReadBack"/>).
/// A read's failure keeps its plain words. Nothing secret is added: names and ids the call itself carried.
/// </summary>
internal static class UnansweredChange
{
    /// <summary>True when a lost answer of this call may hide a change.</summary>
    public static bool Applies(ApiRequest request) => ChangeReadBack.IsChange(request.Method.Method, request.RelativePath);

    /// <summary>-TimeoutSec ran out: the call may have been carried out before or while the answer was awaited.</summary>
    public static PasswordSafeException AfterTimeout(ApiRequest request, string redactedUri, TimeSpan timeout, Exception inner)
    {
        var seconds = timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        const string plainAction = "Check that the server is reachable and responsive, or connect again with a larger -TimeoutSec.";
        var plain = $"{request.Method} {redactedUri} got no answer within {seconds} s.";
        if (!Applies(request))
        {
            return new PasswordSafeException(ErrorIds.Timeout, plain, plainAction, inner);
        }

        return Explain(ErrorIds.Timeout, request, $"{request.Method} {redactedUri} got no answer within {seconds} s", plain, plainAction,
            "If the server is slow, connect again with a larger -TimeoutSec.", inner);
    }

    /// <summary>The connection broke after the request went out (<paramref name="cause"/> says how, without secrets).</summary>
    public static PasswordSafeException AfterBrokenConnection(ApiRequest request, string redactedUri, string cause, Exception inner)
    {
        var plain = $"{request.Method} {redactedUri} failed: the connection broke after the call was sent ({cause}).";
        return Explain(ErrorIds.ConnectionFailed, request, plain.TrimEnd('.'), plain,
            "Check the network and any proxy between here and the server.",
            "If the connection keeps breaking, check the network and any proxy between here and the server.", inner);
    }

    /// <summary>
    /// Disconnect-PasswordSafe (from another runspace, or a script block that ended the session) cut the call off, so its
    /// answer was lost: NotConnected, saying for a change what it may have done and how to check once connected again.
    /// </summary>
    public static PasswordSafeException WhileDisconnected(ApiRequest request, string redactedUri, Exception inner)
    {
        var plain = $"The session was disconnected while {request.Method} {redactedUri} ran, so its answer was lost.";
        const string connect = "Run Connect-PasswordSafe to start a new session.";
        if (!Applies(request))
        {
            return new PasswordSafeException(ErrorIds.NotConnected, plain, connect, inner);
        }

        return Explain(ErrorIds.NotConnected, request, $"The session was disconnected while {request.Method} {redactedUri} ran and its answer was lost",
            plain, connect, connect, inner, actionFirst: true);
    }

    /// <summary>
    /// A change answered with a success status whose body cannot be read (empty, <c>null</c>, not JSON, no id in it): the
    /// server carried the change out and only its answer is unusable. The error keeps the reader's id (InvalidServerResponse)
    /// but says the change was made and how to find it, not "check -Uri": a retry would make it twice.
    /// </summary>
    public static UnansweredChangeException AfterUnreadableSuccess(ApiRequest request, int statusCode, PasswordSafeException unreadable,
        string seeTheAnswerHint)
    {
        var change = ChangeReadBack.For(request.Method.Method, request.RelativePath, request.Body);
        var failure = unreadable.Message.TrimEnd('.');
        var status = statusCode.ToString(CultureInfo.InvariantCulture);
        var message = $"{failure}, but {status} is a success: the server has {change.Done} all the same, and only its answer could not be read{change.ConsequenceClause}.";
        return new UnansweredChangeException(unreadable.ErrorId, message, change.Advice + " " + seeTheAnswerHint, unreadable.Message,
            seeTheAnswerHint, unreadable);
    }

    /// <summary>
    /// A change answered without what its answer should carry (a key rotation answered with <c>null</c> instead of the new
    /// key): the reader's failure, saying the server may have made the change all the same and how to check, as for a
    /// lost answer.
    /// </summary>
    public static PasswordSafeException AnsweredWithout(ApiRequest request, PasswordSafeException unreadable) =>
        Explain(unreadable.ErrorId, request, unreadable.Message.TrimEnd('.'), unreadable.Message, unreadable.RecommendedAction ?? string.Empty,
            unreadable.RecommendedAction ?? string.Empty, unreadable);

    /// <summary>True for <see cref="AfterUnreadableSuccess"/>'s failure: the change was made, its answer could not be read.</summary>
    public static bool IsUnreadableSuccess(Exception e) => e is UnansweredChangeException && ((PasswordSafeException)e).ErrorId == ErrorIds.InvalidServerResponse;

    /// <summary>
    /// The failure of the call alone, without what it may have done: for code that has found out itself (the lost request
    /// was looked up and checked in) and says so instead.
    /// </summary>
    public static string CallFailure(PasswordSafeException e) => e is UnansweredChangeException lost ? lost.CallFailure : e.Message;

    /// <summary>The advice for the call's failure alone (see <see cref="CallFailure"/>).</summary>
    public static string? CallFailureAction(PasswordSafeException e) => e is UnansweredChangeException lost ? lost.CallFailureAction : e.RecommendedAction;

    private static PasswordSafeException Explain(string errorId, ApiRequest request, string failure, string plain, string plainAction,
        string transportAdvice, Exception inner, bool actionFirst = false)
    {
        var change = ChangeReadBack.For(request.Method.Method, request.RelativePath, request.Body);
        var message = $"{failure}, so the server may have {change.Done} all the same{change.ConsequenceClause}.";
        var action = actionFirst ? transportAdvice + " " + change.Advice : change.Advice + " " + transportAdvice;
        return new UnansweredChangeException(errorId, message, action, plain, plainAction, inner);
    }
}
