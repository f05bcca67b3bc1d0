"""The course's first example at scale: N tasks that each await
asyncio.sleep(1), run with asyncio.gather. Prints the seconds gather took.

Usage: python3 bench/gather.py N
"""

import asyncio
import sys
import time


async def sleeping(n):
    await asyncio.sleep(1)


async def main(count):
    start = time.perf_counter()
    await asyncio.gather(*(sleeping(n) for n in range(count)))
    return time.perf_counter() - start


if __name__ == "__main__":
    print(f"{asyncio.run(main(int(sys.argv[1]))):.6f}")
