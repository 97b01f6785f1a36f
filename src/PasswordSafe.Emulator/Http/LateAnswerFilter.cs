using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Holds back the answer of a call a <see cref="LateAnswer"/> rule names, after its endpoint ran (so the change is made):
/// the result is written only once the delay is over, or never when the client gives up first.
/// </summary>
internal sealed class LateAnswerFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var state = context.HttpContext.RequestServices.GetRequiredService<EmulatorState>();
        var result = await next(context);
        var http = context.HttpContext;
        if (!state.LateAnswers.IsEmpty
            && state.LateAnswers.Find(http.Request.Method, ApiPaths.CallOf(http, state.Clock.GetUtcNow()).Path,
                state.FindUser(RequestFacts.Session(http).UserId)) is { } rule)
        {
            try
            {
                await Task.Delay(rule.DelayMilliseconds, http.RequestAborted);
            }
            catch (TaskCanceledException)
            {
                // The client gave up: the change stands, the answer goes nowhere.
            }
        }
        return result;
    }
}
