using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>B2: the session cookie, named as on the real (IIS/ASP.NET) server.</summary>
internal static class SessionCookie
{
    internal const string Name = "ASP.NET_SessionId";

    internal static string? Read(HttpContext context) => context.Request.Cookies[Name];

    internal static void Write(HttpContext context, string sessionId) =>
        context.Response.Cookies.Append(Name, sessionId, new CookieOptions { Path = "/", Secure = true, HttpOnly = true });

    internal static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/", Secure = true, HttpOnly = true });
}
