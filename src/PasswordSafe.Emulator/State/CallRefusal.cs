namespace PasswordSafe.Emulator;

/// <summary>
/// A control rule, not emulated API behaviour: a signed-in call with this method and path (under the base, without the
/// query; any case), made by <see cref="UserName"/> (DOMAIN\user, UPN or, for a directory user, the bare name; null: anyone), is answered with
/// <see cref="StatusCode"/> and <see cref="Body"/> (a JSON string, e.g. <c>"4031"</c>) instead of being handled. For trying
/// how a client copes with a refusal the emulator's own rules would not give, e.g. a server whose permissions keep a
/// user from listing aliases.
/// </summary>
public sealed record CallRefusal(string Method, string Path, int StatusCode, string? Body = null, string? UserName = null);
