-- wrk script: GET the URL given on the command line, with the cookie or authorisation header in
-- BENCH_COOKIE / BENCH_AUTHORIZATION when set; a response other than 200 counts as an error.
function init(args)
  local cookie, authorization = os.getenv("BENCH_COOKIE"), os.getenv("BENCH_AUTHORIZATION")
  if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
  if authorization and authorization ~= "" then wrk.headers["Authorization"] = authorization end
end
done = dofile(os.getenv("BENCH_DIR") .. "/summary.lua")
