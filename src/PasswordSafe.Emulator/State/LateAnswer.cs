namespace PasswordSafe.Emulator;

/// <summary>
/// A control rule, not emulated API behaviour: a signed-in call with this method and path (under the base, without the
/// query; any case), made by <see cref="UserName"/> (DOMAIN\user, UPN or bare name; null: anyone), is carried out at once,
/// and only its answer is held back for <see cref="DelayMilliseconds"/>. For
/// trying how a client copes with an answer lost after the server acted (its timeout runs out, Ctrl+C, a cut connection):
/// a POST Requests that made a request the client never heard of.
/// </summary>
public sealed record LateAnswer(string Method, string Path, int DelayMilliseconds, string? UserName = null);
